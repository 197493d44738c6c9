import { type DomElement, localName } from './dom-types.ts';
import { attributeNamed, childNamed, childrenNamed } from './xml-query.ts';

const SYMBOLS: Readonly<Record<string, string>> = {
  α: '\\alpha',
  β: '\\beta',
  γ: '\\gamma',
  δ: '\\delta',
  ε: '\\epsilon',
  ϵ: '\\epsilon',
  ζ: '\\zeta',
  η: '\\eta',
  θ: '\\theta',
  ι: '\\iota',
  κ: '\\kappa',
  λ: '\\lambda',
  μ: '\\mu',
  ν: '\\nu',
  ξ: '\\xi',
  π: '\\pi',
  ρ: '\\rho',
  σ: '\\sigma',
  τ: '\\tau',
  υ: '\\upsilon',
  φ: '\\phi',
  χ: '\\chi',
  ψ: '\\psi',
  ω: '\\omega',
  Γ: '\\Gamma',
  Δ: '\\Delta',
  Θ: '\\Theta',
  Λ: '\\Lambda',
  Π: '\\Pi',
  Σ: '\\Sigma',
  Φ: '\\Phi',
  Ψ: '\\Psi',
  Ω: '\\Omega',
  '∞': '\\infty',
  '×': '\\times',
  '÷': '\\div',
  '±': '\\pm',
  '∓': '\\mp',
  '≤': '\\leq',
  '≥': '\\geq',
  '≠': '\\neq',
  '≈': '\\approx',
  '≡': '\\equiv',
  '∼': '\\sim',
  '→': '\\rightarrow',
  '←': '\\leftarrow',
  '⇒': '\\Rightarrow',
  '⇔': '\\Leftrightarrow',
  '∈': '\\in',
  '∉': '\\notin',
  '⊂': '\\subset',
  '⊆': '\\subseteq',
  '∩': '\\cap',
  '∪': '\\cup',
  '∂': '\\partial',
  '∇': '\\nabla',
  '⋅': '\\cdot',
  '·': '\\cdot',
  '∀': '\\forall',
  '∃': '\\exists',
  '…': '\\ldots',
  '⋯': '\\cdots',
  '√': '\\surd',
  '∅': '\\emptyset',
  '¬': '\\neg',
  '∧': '\\wedge',
  '∨': '\\vee',
  '′': "'",
  '−': '-',
};

const LARGE_OPERATORS: Readonly<Record<string, string>> = {
  '∑': '\\sum',
  '∏': '\\prod',
  '∐': '\\coprod',
  '∫': '\\int',
  '∬': '\\iint',
  '∭': '\\iiint',
  '∮': '\\oint',
  '∯': '\\oiint',
  '∰': '\\oiiint',
  '⋃': '\\bigcup',
  '⋂': '\\bigcap',
  '⋁': '\\bigvee',
  '⋀': '\\bigwedge',
};

const ACCENTS: Readonly<Record<string, string>> = {
  '\u0302': '\\hat',
  '\u0303': '\\tilde',
  '\u0307': '\\dot',
  '\u0308': '\\ddot',
  '\u20d7': '\\vec',
  '\u0304': '\\bar',
  '\u0306': '\\breve',
  '\u030c': '\\check',
  '\u0301': '\\acute',
  '\u0300': '\\grave',
};

const FUNCTIONS = new Set([
  'sin',
  'cos',
  'tan',
  'cot',
  'sec',
  'csc',
  'sinh',
  'cosh',
  'tanh',
  'log',
  'ln',
  'exp',
  'lim',
  'max',
  'min',
  'sup',
  'inf',
  'det',
  'arg',
  'deg',
  'gcd',
  'arcsin',
  'arccos',
  'arctan',
]);

/** Joins LaTeX pieces, putting a space after a control word that would otherwise run into a letter. */
function join(pieces: readonly string[]): string {
  let text = '';
  for (const piece of pieces) {
    text += /\\[a-zA-Z]+$/.test(text) && /^[a-zA-Z0-9]/.test(piece) ? ` ${piece}` : piece;
  }
  return text;
}

function property(element: DomElement, properties: string, name: string): string | undefined {
  const holder = childNamed(element, properties);
  const value = holder === undefined ? undefined : childNamed(holder, name);
  return value === undefined ? undefined : attributeNamed(value, 'val');
}

function hidden(element: DomElement, properties: string, name: string): boolean {
  const value = property(element, properties, name);
  return value === '1' || value === 'on' || value === 'true';
}

function part(element: DomElement, name: string): string {
  const child = childNamed(element, name);
  return child === undefined ? '' : children(child);
}

function children(element: DomElement): string {
  return join([...element.children].map(convert));
}

function run(element: DomElement): string {
  const text = childrenNamed(element, 't')
    .map((t) => t.textContent ?? '')
    .join('');
  if (property(element, 'rPr', 'nor') !== undefined && /[a-z]{2,}/i.test(text)) {
    return `\\text{${text}}`;
  }
  return join(text.split(/(?=[\s\S])/u).map((char) => SYMBOLS[char] ?? char));
}

function delimiter(element: DomElement): string {
  const open = property(element, 'dPr', 'begChr') ?? '(';
  const close = property(element, 'dPr', 'endChr') ?? ')';
  const separator = property(element, 'dPr', 'sepChr') ?? '|';
  const inner = childrenNamed(element, 'e').map(children).join(separator);
  const wrap = (char: string): string =>
    char === '' ? '.' : char === '{' || char === '}' ? `\\${char}` : char;
  return `\\left${wrap(open)}${inner}\\right${wrap(close)}`;
}

function nary(element: DomElement): string {
  const symbol = property(element, 'naryPr', 'chr') ?? '∫';
  const sub = hidden(element, 'naryPr', 'subHide') ? '' : `_{${part(element, 'sub')}}`;
  const sup = hidden(element, 'naryPr', 'supHide') ? '' : `^{${part(element, 'sup')}}`;
  return join([`${LARGE_OPERATORS[symbol] ?? symbol}${sub}${sup}`, part(element, 'e')]);
}

function functionApplication(element: DomElement): string {
  const name = part(element, 'fName');
  const command = FUNCTIONS.has(name)
    ? `\\${name}`
    : /^[a-z]+$/i.test(name)
      ? `\\operatorname{${name}}`
      : name;
  return join([command, part(element, 'e')]);
}

function matrix(element: DomElement): string {
  const rows = childrenNamed(element, 'mr').map((row) => childrenNamed(row, 'e').map(children).join(' & '));
  return `\\begin{matrix}${rows.join(' \\\\ ')}\\end{matrix}`;
}

function convert(element: DomElement): string {
  switch (localName(element)) {
    case 'r':
      return run(element);
    case 'f':
      return `\\frac{${part(element, 'num')}}{${part(element, 'den')}}`;
    case 'sSup':
      return `${part(element, 'e')}^{${part(element, 'sup')}}`;
    case 'sSub':
      return `${part(element, 'e')}_{${part(element, 'sub')}}`;
    case 'sSubSup':
      return `${part(element, 'e')}_{${part(element, 'sub')}}^{${part(element, 'sup')}}`;
    case 'sPre':
      return `{}_{${part(element, 'sub')}}^{${part(element, 'sup')}}${part(element, 'e')}`;
    case 'd':
      return delimiter(element);
    case 'nary':
      return nary(element);
    case 'rad':
      return hidden(element, 'radPr', 'degHide') || part(element, 'deg') === ''
        ? `\\sqrt{${part(element, 'e')}}`
        : `\\sqrt[${part(element, 'deg')}]{${part(element, 'e')}}`;
    case 'func':
      return functionApplication(element);
    case 'limLow':
      return `${part(element, 'e')}_{${part(element, 'lim')}}`;
    case 'limUpp':
      return `\\overset{${part(element, 'lim')}}{${part(element, 'e')}}`;
    case 'groupChr': {
      const top = property(element, 'groupChrPr', 'pos') === 'top';
      return `${top ? '\\overbrace' : '\\underbrace'}{${part(element, 'e')}}`;
    }
    case 'acc':
      return `${ACCENTS[property(element, 'accPr', 'chr') ?? '\u0302'] ?? '\\hat'}{${part(element, 'e')}}`;
    case 'bar':
      return `${property(element, 'barPr', 'pos') === 'top' ? '\\overline' : '\\underline'}{${part(element, 'e')}}`;
    case 'borderBox':
      return `\\boxed{${part(element, 'e')}}`;
    case 'eqArr':
      return `\\begin{array}{c}${childrenNamed(element, 'e').map(children).join(' \\\\ ')}\\end{array}`;
    case 'm':
      return matrix(element);
    default:
      // Property elements hold no math; containers (oMath, e, box, phant…) hold their children.
      return localName(element).endsWith('Pr') ? '' : children(element);
  }
}

/** An Office Math (OMML) element — `m:oMath` or `m:oMathPara` — as LaTeX. */
export function ommlToLatex(element: DomElement): string {
  if (localName(element) === 'oMathPara') {
    return childrenNamed(element, 'oMath').map(convert).join(' \\\\ ');
  }
  return convert(element).replace(/\s+/g, ' ').trim();
}
