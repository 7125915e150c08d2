// Progressive enhancements only: every page works without this file.
document.addEventListener('DOMContentLoaded', function () {
  // "Copy" buttons next to secrets shown once (API tokens).
  document.querySelectorAll('[data-copy-target]').forEach(function (button) {
    button.hidden = false;
    button.addEventListener('click', function () {
      var target = document.getElementById(button.getAttribute('data-copy-target'));
      if (!target || !navigator.clipboard) { return; }
      navigator.clipboard.writeText(target.textContent.trim()).then(function () {
        button.textContent = 'Copied';
      });
    });
  });
  // "Print" buttons on printable reports.
  document.querySelectorAll('[data-print]').forEach(function (button) {
    button.hidden = false;
    button.addEventListener('click', function () { window.print(); });
  });
  // Bring a form's error summary into view so keyboard and screen-reader users meet it first.
  var summary = document.querySelector('.error-summary');
  if (summary) { summary.focus(); }
});
