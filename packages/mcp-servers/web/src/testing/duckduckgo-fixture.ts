/** Hand-written in the shape of html.duckduckgo.com/html/ results (an ad, three organic hits, a dupe). */
export const duckDuckGoFixture = `<!DOCTYPE html>
<html><head><title>self-hosted agents at DuckDuckGo</title></head>
<body>
<div class="serp__results"><div id="links" class="results">
  <div class="result results_links results_links_deep result--ad">
    <div class="links_main links_deep result__body">
      <h2 class="result__title"><a rel="nofollow" class="result__a"
        href="https://duckduckgo.com/y.js?ad_domain=ads.example&amp;u3=https%3A%2F%2Fads.example%2F">Buy agents now</a></h2>
      <a class="result__snippet" href="https://duckduckgo.com/y.js?ad_domain=ads.example">Sponsored.</a>
    </div>
  </div>
  <div class="result results_links results_links_deep web-result ">
    <div class="links_main links_deep result__body">
      <h2 class="result__title">
        <a rel="nofollow" class="result__a"
          href="//duckduckgo.com/l/?uddg=https%3A%2F%2Fexample.org%2Fagents%3Fa%3D1%26b%3D%25C3%25A9&amp;rut=8f1e2d">
          Self-hosted <b>AI agents</b>: a guide</a>
      </h2>
      <div class="result__extras"><div class="result__extras__url">
        <a class="result__url" href="//duckduckgo.com/l/?uddg=https%3A%2F%2Fexample.org%2Fagents">example.org/agents</a>
      </div></div>
      <a class="result__snippet" href="//duckduckgo.com/l/?uddg=https%3A%2F%2Fexample.org%2Fagents">Run <b>agents</b>
        on your own   hardware &amp; keep data on-premise.</a>
    </div>
  </div>
  <div class="result results_links results_links_deep web-result ">
    <div class="links_main links_deep result__body">
      <h2 class="result__title"><a rel="nofollow" class="result__a" href="https://docs.example.net/mcp">MCP docs</a></h2>
    </div>
  </div>
  <div class="result results_links results_links_deep web-result ">
    <div class="links_main links_deep result__body">
      <h2 class="result__title"><a rel="nofollow" class="result__a"
        href="//duckduckgo.com/l/?uddg=https%3A%2F%2Fexample.org%2Fagents%3Fa%3D1%26b%3D%25C3%25A9&amp;rut=99">Duplicate</a></h2>
    </div>
  </div>
  <div class="result results_links results_links_deep web-result ">
    <div class="links_main links_deep result__body">
      <h2 class="result__title"><a rel="nofollow" class="result__a"
        href="//duckduckgo.com/l/?uddg=http%3A%2F%2Fthird.example%2F&amp;rut=1">Third</a></h2>
      <a class="result__snippet">Third snippet</a>
    </div>
  </div>
  <div class="nav-link"><form action="/html/" method="post"><input type="submit" class="btn" value="Next"></form></div>
</div></div>
</body></html>`;
