extension ExceptionsReport {
    /// Filters (severity, vendor, rule, free text) and per-table sorting. It reads only the
    /// page's own `data-` attributes and `textContent` and never writes markup, so a vendor
    /// value stays text even here.
    static let script = """
        (function () {
          var severity = document.getElementById('f-severity');
          if (!severity) { return; }
          var vendor = document.getElementById('f-vendor');
          var rule = document.getElementById('f-rule');
          var search = document.getElementById('f-search');
          var shown = document.getElementById('f-shown');
          var total = document.querySelectorAll('details.rule tbody tr').length;
          function apply() {
            var s = severity.value, v = vendor.value, r = rule.value;
            var t = search.value.trim().toLowerCase(), count = 0;
            document.querySelectorAll('section.vendor').forEach(function (section) {
              var sectionShown = false;
              section.querySelectorAll('div.file').forEach(function (file) {
                var fileShown = false;
                file.querySelectorAll('details.rule').forEach(function (group) {
                  var match = (!v || section.dataset.vendor === v) && (!r || group.dataset.rule === r);
                  var rows = group.querySelectorAll('tbody tr'), visible = 0;
                  rows.forEach(function (row) {
                    var show = match && (!s || row.dataset.severity === s) &&
                      (!t || row.textContent.toLowerCase().indexOf(t) >= 0);
                    row.hidden = !show;
                    if (show) { visible++; }
                  });
                  var countsOnly = rows.length === 0 && match && !t &&
                    (!s || Number(group.dataset[s === 'error' ? 'errors' : 'warnings']) > 0);
                  group.hidden = !(visible > 0 || countsOnly);
                  if (!group.hidden) { fileShown = true; }
                  count += visible;
                });
                file.hidden = !fileShown;
                if (fileShown) { sectionShown = true; }
              });
              section.hidden = !sectionShown;
            });
            shown.textContent = 'showing ' + count + ' of ' + total + ' listed findings';
          }
          [severity, vendor, rule].forEach(function (el) { el.addEventListener('change', apply); });
          search.addEventListener('input', apply);
          document.querySelectorAll('th.sortable').forEach(function (th) {
            th.addEventListener('click', function () {
              var table = th.closest('table'), body = table.tBodies[0];
              var index = Array.prototype.indexOf.call(th.parentNode.children, th);
              var ascending = th.getAttribute('aria-sort') !== 'ascending';
              table.querySelectorAll('th').forEach(function (h) { h.removeAttribute('aria-sort'); });
              th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
              function key(row) {
                var cell = row.children[index];
                var sort = cell.getAttribute('data-sort');
                return sort !== null ? Number(sort) : cell.textContent.toLowerCase();
              }
              var rows = Array.prototype.slice.call(body.rows);
              rows.sort(function (a, b) {
                var x = key(a), y = key(b);
                return (x < y ? -1 : x > y ? 1 : 0) * (ascending ? 1 : -1);
              });
              rows.forEach(function (row) { body.appendChild(row); });
            });
          });
          apply();
        })();

        """
}
