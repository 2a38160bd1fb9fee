// article.js: the app's one script in the article page. It runs in Lede's
// own script world, so the page (which may not run scripts anyway) can
// neither see nor call it; it talks to the app only through the "lede"
// message handler and only with the messages the app validates.
'use strict';

(function () {
  const ID = /^[afc][1-9][0-9]{0,8}$/;
  // Which page this is, so the app can tell its messages from an earlier page's.
  const PAGE = document.body !== null ? Number(document.body.dataset.page) : NaN;
  let mentions = [];
  let current = -1;

  function post(message) {
    message.page = PAGE;
    window.webkit.messageHandlers.lede.postMessage(message);
  }

  function clear() {
    for (const el of document.querySelectorAll('.hit, .current, .marked'))
      el.classList.remove('hit', 'current', 'marked');
    mentions = [];
    current = -1;
  }

  function pieces(attr, id, m) {
    let selector = '[data-' + attr + '="' + id + '"]';
    if (m !== undefined)
      selector += '[data-m="' + m + '"]';
    return Array.from(document.querySelectorAll(selector));
  }

  function visible(el) {
    const r = el.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight;
  }

  function reveal(el) {
    if (!visible(el))
      el.scrollIntoView({ block: 'center', inline: 'nearest', behavior: 'instant' });
  }

  function show(index) {
    for (const el of document.querySelectorAll('.mention.current'))
      el.classList.remove('current');
    if (index < 0 || index >= mentions.length)
      return -1;
    current = index;
    const els = pieces('actor', mentions[index].dataset.actor, mentions[index].dataset.m);
    for (const el of els)
      el.classList.add('current');
    reveal(els[0]);
    return current;
  }

  // Returns how many mentions are lit.
  function highlightActor(id, first) {
    clear();
    if (!ID.test(id))
      return 0;
    for (const el of pieces('actor', id))
      el.classList.add('hit');
    mentions = pieces('actor', id).filter((el) => !el.classList.contains('cont'));
    show(Math.max(0, Math.min(first | 0, mentions.length - 1)));
    return mentions.length;
  }

  function step(delta) {
    if (mentions.length === 0)
      return -1;
    return show((current + delta + mentions.length) % mentions.length);
  }

  function showMention(id, m) {
    if (!ID.test(id))
      return -1;
    const index = mentions.findIndex((el) => el.dataset.actor === id && el.dataset.m === String(m));
    if (index >= 0)
      return show(index);
    const els = pieces('actor', id, m | 0);
    if (els.length === 0)
      return -1;
    reveal(els[0]);
    return 0;
  }

  function mark(attr, id) {
    clear();
    if (!ID.test(id))
      return 0;
    const els = pieces(attr, id);
    for (const el of els)
      el.classList.add('marked');
    if (els.length > 0)
      reveal(els[0]);
    return els.length;
  }

  function setFont(family, size) {
    document.body.classList.toggle('sans', family === 'sans');
    document.body.classList.toggle('serif', family !== 'sans');
    document.documentElement.style.setProperty('--lede-font-size', (size | 0) + 'px');
  }

  // The state the app's tests read back.
  function state() {
    const first = mentions.length > 0 ? mentions[0] : null;
    return {
      hits: mentions.length,
      current: current,
      firstVisible: first !== null && visible(first),
      currentVisible: current >= 0 && visible(mentions[current]),
      marked: document.querySelectorAll('.marked').length,
      title: document.title,
    };
  }

  document.addEventListener('click', (event) => {
    // Links are for the browser; they select nothing.
    if (!(event.target instanceof Element) || event.target.closest('a') !== null)
      return;
    const mention = event.target.closest('.mention');
    if (mention !== null) {
      post({ type: 'actor', id: mention.dataset.actor, mention: Number(mention.dataset.m) });
      return;
    }
    const figure = event.target.closest('.figure');
    if (figure !== null) {
      post({ type: 'figure', id: figure.dataset.figure });
      return;
    }
    const claim = event.target.closest('.claim');
    if (claim !== null)
      post({ type: 'claim', id: claim.dataset.claim });
  });

  // Keys the window would take if the page did not have the focus.
  document.addEventListener('keydown', (event) => {
    if (event.ctrlKey || event.altKey || event.metaKey || event.defaultPrevented)
      return;
    if (event.key === 'Escape')
      post({ type: 'clear' });
    else if (event.key === 'n' || event.key === 'p')
      post({ type: 'step', delta: event.key === 'n' ? 1 : -1 });
  });

  window.lede = { highlightActor, step, showMention, mark, clear, setFont, state };

  // Two frames later the page has been painted.
  requestAnimationFrame(() => requestAnimationFrame(() => post({ type: 'ready' })));
})();
