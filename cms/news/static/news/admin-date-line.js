// The article's date line ("Thứ Sáu, 29/11/2024") under the date field, updated as the editor
// types or picks a date. Same rule as cms/news/dates.format_vietnamese_date; the weekday names
// come from the server.
(function () {
  "use strict";

  function dateLine(value, weekdays) {
    var match = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$/.exec(value || "");
    if (!match) {
      return "";
    }
    var year = Number(match[1]);
    var month = Number(match[2]);
    var day = Number(match[3]);
    var date = new Date(Date.UTC(year, month - 1, day));
    if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
      return "";
    }
    var pad = function (number) {
      return number < 10 ? "0" + number : String(number);
    };
    // getUTCDay() counts from Sunday; the names start on Monday ("Thứ Hai").
    return weekdays[(date.getUTCDay() + 6) % 7] + ", " + pad(day) + "/" + pad(month) + "/" + year;
  }

  function attach(hint) {
    if (hint.dataset.attached) {
      return;
    }
    var input = document.getElementById(hint.dataset.for);
    if (!input) {
      return;
    }
    hint.dataset.attached = "1";
    var weekdays = JSON.parse(hint.dataset.weekdays);
    var output = hint.querySelector("output");
    var update = function () {
      var line = dateLine(input.value, weekdays);
      output.textContent = line || "—";
    };
    ["input", "change", "blur"].forEach(function (name) {
      input.addEventListener(name, update);
    });
    update();
  }

  function attachAll() {
    document.querySelectorAll("[data-article-date-line]").forEach(attach);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", attachAll);
  } else {
    attachAll();
  }
})();
