// What every dashboard page shares: the read key (kept for this tab only), API calls with it, number formats,
// charts, and the signal the page is drawn (body[data-ready]) that tests and screenshots wait for.
const keyName = 'churn.readKey';
export const base = '/api/dashboard/';

export const key = () => sessionStorage.getItem(keyName);
export const signIn = (value) => sessionStorage.setItem(keyName, value);

function toLogin() {
  sessionStorage.removeItem(keyName);
  location.replace(`${base}login.html?next=${encodeURIComponent(location.pathname + location.search)}`);
  // The page is leaving: callers wait forever rather than draw an error.
  return new Promise(() => {});
}

/** GET /api/{path} with the read key: the parsed body, or null on 404 (nothing there yet). */
export async function api(path) {
  const value = key();
  if (!value) {
    return toLogin();
  }

  const response = await fetch(`/api/${path}`, { headers: { 'x-api-key': value, accept: 'application/json' } });
  if (response.status === 401) {
    return toLogin();
  }
  if (response.status === 404) {
    return null;
  }
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    throw new Error(`${path}: ${response.status} ${problem.detail ?? problem.title ?? response.statusText}`);
  }
  return response.json();
}

const dash = '–';
export const percent = (v) => (v == null ? dash : `${(v * 100).toFixed(1)}%`);
export const count = (v) => (v == null ? dash : Math.round(v).toLocaleString('en-US'));
export const money = (v) => (v == null ? dash : Number(v).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }));
export const decimal2 = (v) => (v == null ? dash : Number(v).toFixed(2));

/** An element with attributes and children (strings become text, never HTML). */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value != null) {
      node.setAttribute(name, value);
    }
  }
  for (const child of children.flat()) {
    if (child != null) {
      node.append(child instanceof Node ? child : String(child));
    }
  }
  return node;
}

export const $ = (selector) => document.querySelector(selector);

/** A Chart.js chart on the canvas with this id: no animation, so what is drawn is drawn at once. */
export function chart(id, type, labels, datasets, options = {}) {
  return new window.Chart(document.getElementById(id), {
    type,
    data: { labels, datasets },
    options: { animation: false, responsive: true, maintainAspectRatio: false, interaction: { mode: 'index', intersect: false }, ...options },
  });
}

export const percentAxis = { ticks: { callback: (v) => `${Math.round(v * 100)}%` }, suggestedMin: 0 };

export function ready() {
  document.body.dataset.ready = 'true';
}

export function fail(error) {
  $('main').prepend(el('p', { class: 'error', role: 'alert' }, `Could not load: ${error.message}`));
  document.body.dataset.ready = 'error';
}

export function notice(text) {
  $('main').prepend(el('p', { class: 'notice' }, text));
}

// The pages' navigation, drawn here once rather than copied into every page.
const sections = [
  ['index.html', 'Overview'],
  ['at-risk.html', 'At risk'],
  ['cohorts.html', 'Cohorts'],
  ['segments.html', 'Segments'],
  ['campaigns.html', 'Campaigns'],
  ['calls.html', 'Calls'],
  ['compare.html', 'Compare'],
  ['model.html', 'Model'],
  ['api.html', 'API'],
];

function header() {
  // The folder itself and the self-host's "/" show the overview.
  const here = location.pathname.endsWith('/') ? 'index.html' : location.pathname.split('/').pop();
  const signOut = el('button', { id: 'sign-out', type: 'button' }, 'Sign out');
  signOut.addEventListener('click', () => {
    sessionStorage.removeItem(keyName);
    location.href = `${base}login.html`;
  });
  const links = sections.map(([file, label]) => el('a', { href: base + file, 'aria-current': file === here ? 'page' : null }, label));
  $('header').replaceChildren(el('strong', {}, 'ChurnFunctions'), el('nav', {}, links), signOut);
}

/** Draws the header, runs the page's drawing, then marks it ready (or failed, with the reason on the page). */
export function page(draw) {
  header();
  draw().then(ready, fail);
}

export const query = (name) => new URLSearchParams(location.search).get(name);
