// 딥러닝 놀이터 — the lesson pages: math (KaTeX), code colours (Prism), the phone menu, navigation
// expanders, the search box and missing images. The entry module of every page (modules run once the page is
// parsed); no inline script anywhere (CSP).

/** Each <span class="math math-inline"> / <div class="math math-display"> holds TeX as text. */
function renderMath() {
  if (!window.katex) {
    return;
  }
  document.querySelectorAll('.math').forEach(function (el) {
    var tex = el.textContent;
    try {
      window.katex.render(tex, el, {
        displayMode: el.classList.contains('math-display'),
        throwOnError: false,
        strict: false,
        output: 'htmlAndMathml'
      });
    } catch (e) {
      el.textContent = tex;
      el.classList.add('math-failed');
    }
  });
}

function highlightCode() {
  if (window.Prism) {
    window.Prism.highlightAll();
  }
}

/** On a phone the navigation folds under the "메뉴" button. */
function menuButton() {
  var button = document.querySelector('.nav-toggle');
  var sideBar = document.querySelector('.side-bar');
  if (!button || !sideBar) {
    return;
  }
  button.addEventListener('click', function () {
    var open = sideBar.classList.toggle('nav-open');
    button.setAttribute('aria-expanded', String(open));
  });
}

/** The arrow beside a page with children opens and closes its list. */
function navExpanders() {
  document.querySelectorAll('.nav-list-expander').forEach(function (button) {
    button.addEventListener('click', function () {
      var item = button.parentElement;
      var open = item.classList.toggle('expanded');
      button.setAttribute('aria-expanded', String(open));
    });
  });
}

/** Results appear under the search box as you type; Enter still goes to the full results page. */
function searchBox() {
  var input = document.getElementById('search-input');
  var list = document.getElementById('search-results');
  if (!input || !list || !window.fetch) {
    return;
  }
  var timer = null;
  var latest = 0;
  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(function () { search(input.value.trim()); }, 150);
  });
  var active = -1;
  // ↓ and ↑ move through the results, Enter opens the chosen one (without one, the form goes to /search).
  input.addEventListener('keydown', function (event) {
    var links = list.querySelectorAll('a');
    if (event.key === 'Escape') {
      clearResults();
    } else if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && links.length > 0) {
      event.preventDefault();
      var next = active + (event.key === 'ArrowDown' ? 1 : -1);
      choose(links, next < -1 ? links.length - 1 : next >= links.length ? -1 : next);
    } else if (event.key === 'Enter' && active >= 0 && links[active]) {
      event.preventDefault();
      window.location.href = links[active].href;
    }
  });

  /** Marks result {@code index} as chosen; -1: none, the typing goes on in the box. */
  function choose(links, index) {
    active = index;
    links.forEach(function (link, i) {
      link.classList.toggle('active', i === active);
      link.setAttribute('aria-selected', String(i === active));
    });
    if (active >= 0) {
      input.setAttribute('aria-activedescendant', links[active].id);
      links[active].scrollIntoView({ block: 'nearest' });
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  }
  document.addEventListener('click', function (event) {
    if (!list.contains(event.target) && event.target !== input) {
      clearResults();
    }
  });

  function search(query) {
    var ticket = ++latest;
    if (query === '') {
      clearResults();
      return;
    }
    fetch('/search.json?q=' + encodeURIComponent(query), { headers: { Accept: 'application/json' } })
      .then(function (response) { return response.ok ? response.json() : []; })
      .then(function (results) {
        if (ticket === latest) {
          showResults(query, results);
        }
      })
      .catch(function () { clearResults(); });
  }

  function clearResults() {
    active = -1;
    input.removeAttribute('aria-activedescendant');
    list.replaceChildren();
    list.classList.remove('open');
  }

  function showResults(query, results) {
    active = -1;
    list.replaceChildren();
    if (results.length === 0) {
      var empty = document.createElement('p');
      empty.className = 'search-empty';
      empty.textContent = '‘' + query + '’이(가) 들어 있는 강의가 없습니다.';
      list.appendChild(empty);
    }
    var ul = document.createElement('ul');
    ul.setAttribute('role', 'listbox');
    results.forEach(function (result, i) {
      var li = document.createElement('li');
      var link = document.createElement('a');
      link.href = result.url;
      link.id = 'search-result-' + i;
      link.setAttribute('role', 'option');
      var title = document.createElement('span');
      title.className = 'search-result-title';
      title.textContent = result.title;
      if (result.section) {
        var section = document.createElement('span');
        section.className = 'search-result-section';
        section.textContent = ' › ' + result.section;
        title.appendChild(section);
      }
      var snippet = document.createElement('span');
      snippet.className = 'search-result-snippet';
      snippet.appendChild(document.createTextNode(result.before));
      if (result.match) {
        var mark = document.createElement('mark');
        mark.textContent = result.match;
        snippet.appendChild(mark);
      }
      snippet.appendChild(document.createTextNode(result.after));
      link.appendChild(title);
      link.appendChild(snippet);
      li.appendChild(link);
      ul.appendChild(li);
    });
    list.appendChild(ul);
    list.classList.add('open');
  }
}

/** An image that fails to load (e.g. a remote one) shows its alt text like the server's placeholder. */
function missingImages() {
  document.querySelectorAll('.lesson img').forEach(function (img) {
    function replace() {
      var span = document.createElement('span');
      span.className = 'image-missing';
      span.setAttribute('role', 'img');
      span.setAttribute('aria-label', img.alt);
      span.textContent = img.alt || img.getAttribute('src');
      img.replaceWith(span);
    }
    if (img.complete && img.naturalWidth === 0 && img.getAttribute('src')) {
      replace();
    } else {
      img.addEventListener('error', replace);
    }
  });
}

function start() {
  document.documentElement.classList.add('js');
  menuButton();
  navExpanders();
  searchBox();
  missingImages();
  renderMath();
  highlightCode();
}

start();
