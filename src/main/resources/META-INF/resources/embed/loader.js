/*
 * Spiegel for an organisation's portal. Include once, anywhere in the page:
 *   <script src="https://spiegel.example.org/embed/loader.js" data-organisation="your-slug" async></script>
 * It adds a floating button that opens a panel with Spiegel in a frame. The page and the frame only talk through
 * postMessage, and only messages from Spiegel's own origin and own frame are read. When Spiegel does not report
 * back in time (for example because the browser refused the frame's cookies), the panel offers a new window.
 * Plain JavaScript, no build, nothing global but one guard flag.
 */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || window.__spiegelEmbed) {
    return;
  }
  window.__spiegelEmbed = true;
  var slug = script.getAttribute('data-organisation') || '';
  if (!/^[a-z0-9-]{1,40}$/.test(slug)) {
    return;
  }
  var appOrigin = new URL(script.src).origin;
  var english = (script.getAttribute('data-lang') || document.documentElement.lang || navigator.language || 'nl')
      .toLowerCase().indexOf('en') === 0;
  var text = english
      ? { open: 'Talk to Spiegel', close: 'Close', title: 'Spiegel', fallback: 'Spiegel does not open here. Open Spiegel in a new window' }
      : { open: 'Praat met Spiegel', close: 'Sluiten', title: 'Spiegel', fallback: 'Spiegel opent hier niet. Open Spiegel in een nieuw venster' };
  var embedUrl = appOrigin + '/embed/' + slug;
  var readyTimeoutMs = parseInt(script.getAttribute('data-timeout') || '20000', 10);

  var style = document.createElement('style');
  style.textContent = [
    '#spiegel-embed-button{position:fixed;right:1.25rem;bottom:1.25rem;z-index:2147483000;border:0;border-radius:2rem;',
    'padding:.8rem 1.3rem;font:600 1rem/1.2 system-ui,sans-serif;color:#fff;background:#1f5f7a;cursor:pointer;',
    'box-shadow:0 4px 14px rgba(0,0,0,.25)}',
    '#spiegel-embed-button:focus-visible,#spiegel-embed-close:focus-visible{outline:3px solid #e39a1b;outline-offset:2px}',
    '#spiegel-embed-panel{position:fixed;right:1.25rem;bottom:5rem;z-index:2147483000;display:none;flex-direction:column;',
    'width:min(420px,calc(100vw - 2.5rem));height:min(680px,calc(100vh - 7rem));background:#fff;border-radius:.8rem;',
    'box-shadow:0 8px 30px rgba(0,0,0,.3);overflow:hidden}',
    '#spiegel-embed-panel[data-open]{display:flex}',
    '#spiegel-embed-bar{display:flex;justify-content:space-between;align-items:center;padding:.4rem .6rem;',
    'font:600 .95rem system-ui,sans-serif;border-bottom:1px solid #ddd}',
    '#spiegel-embed-close{border:0;background:none;font:600 .95rem system-ui,sans-serif;cursor:pointer;padding:.3rem .5rem}',
    '#spiegel-embed-frame{flex:1;border:0;width:100%}',
    '#spiegel-embed-fallback{display:none;padding:1rem;font:1rem system-ui,sans-serif}',
    '#spiegel-embed-panel[data-failed] #spiegel-embed-fallback{display:block}',
    '#spiegel-embed-panel[data-failed] #spiegel-embed-frame{display:none}'
  ].join('');
  document.head.appendChild(style);

  var button = document.createElement('button');
  button.id = 'spiegel-embed-button';
  button.type = 'button';
  button.textContent = text.open;
  button.setAttribute('aria-expanded', 'false');
  button.setAttribute('aria-controls', 'spiegel-embed-panel');

  var panel = document.createElement('div');
  panel.id = 'spiegel-embed-panel';
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-label', text.title);
  var bar = document.createElement('div');
  bar.id = 'spiegel-embed-bar';
  var title = document.createElement('span');
  title.textContent = text.title;
  var close = document.createElement('button');
  close.id = 'spiegel-embed-close';
  close.type = 'button';
  close.textContent = text.close;
  bar.appendChild(title);
  bar.appendChild(close);
  var fallback = document.createElement('p');
  fallback.id = 'spiegel-embed-fallback';
  var link = document.createElement('a');
  link.id = 'spiegel-embed-open-window';
  link.href = embedUrl;
  link.target = '_blank';
  link.rel = 'noopener';
  link.textContent = text.fallback;
  fallback.appendChild(link);
  panel.appendChild(bar);
  panel.appendChild(fallback);

  var frame = null;
  var timer = null;

  function open() {
    if (!frame) {
      frame = document.createElement('iframe');
      frame.id = 'spiegel-embed-frame';
      frame.title = text.title;
      frame.src = embedUrl + '?host=' + encodeURIComponent(window.location.origin);
      panel.insertBefore(frame, fallback);
      timer = window.setTimeout(function () { panel.setAttribute('data-failed', ''); }, readyTimeoutMs);
    }
    panel.setAttribute('data-open', '');
    button.setAttribute('aria-expanded', 'true');
    close.focus();
  }

  function hide() {
    panel.removeAttribute('data-open');
    button.setAttribute('aria-expanded', 'false');
    button.focus();
  }

  function fit(height) {
    var max = window.innerHeight - 112;
    if (typeof height === 'number' && height > 200) {
      // the frame's content plus the bar, so a frame that fills the panel keeps it as it is
      panel.style.height = Math.min(Math.ceil(height) + bar.offsetHeight, max, 680) + 'px';
    } else {
      panel.style.height = '';
    }
  }

  window.addEventListener('message', function (event) {
    // only Spiegel's own frame, from Spiegel's own origin, is listened to
    if (event.origin !== appOrigin || !frame || event.source !== frame.contentWindow) {
      return;
    }
    var data = event.data || {};
    if (data.type === 'spiegel:ready') {
      window.clearTimeout(timer);
      panel.removeAttribute('data-failed');
      panel.setAttribute('data-ready', '');
    } else if (data.type === 'spiegel:resize') {
      fit(data.height);
    } else if (data.type === 'spiegel:close') {
      hide();
    }
  });
  window.addEventListener('resize', function () { fit(); });
  button.addEventListener('click', function () {
    if (panel.hasAttribute('data-open')) { hide(); } else { open(); }
  });
  close.addEventListener('click', hide);
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape' && panel.hasAttribute('data-open')) { hide(); }
  });
  function mount() {
    document.body.appendChild(panel);
    document.body.appendChild(button);
  }
  if (document.body) { mount(); } else { document.addEventListener('DOMContentLoaded', mount); }
}());
