/** A news-style page for the fetch and article tests: navigation, an article with byline and date, relative links. */
export const articleFixture = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Quarterly report | Example News</title>
  <meta property="og:site_name" content="Example News">
  <meta property="article:published_time" content="2026-03-01T09:00:00Z">
  <meta name="author" content="Ada Lovelace">
  <script>window.tracking = "should never appear";</script>
  <style>body { color: red }</style>
</head>
<body>
  <nav><a href="/">Home</a> <a href="/about#team">About</a> <a href="javascript:void(0)">Menu</a></nav>
  <article>
    <h1>Quarterly report</h1>
    <p class="byline">By Ada Lovelace</p>
    ${'<p>The engines processed more numbers this quarter than in any quarter before, and the team expects the trend to continue as new cards arrive from the workshop. Analysts point to the <a href="reports/q1.html">first-quarter figures</a> for comparison.</p>'.repeat(6)}
    <p>Read the <a href="https://other.example/analysis">independent analysis</a>. <img src="/chart.png" alt="Chart"></p>
  </article>
  <footer><a href="/privacy">Privacy</a></footer>
</body>
</html>`;
