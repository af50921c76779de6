#include "extract_timex_calendar.h"

#include <cmath>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"

namespace claimdiff {
namespace timex {

int IsoWeekday(absl::CivilDay d) {
  switch (absl::GetWeekday(d)) {
    case absl::Weekday::monday: return 1;
    case absl::Weekday::tuesday: return 2;
    case absl::Weekday::wednesday: return 3;
    case absl::Weekday::thursday: return 4;
    case absl::Weekday::friday: return 5;
    case absl::Weekday::saturday: return 6;
    case absl::Weekday::sunday: return 7;
  }
  return 1;
}

absl::CivilDay MondayOf(absl::CivilDay d) { return d - (IsoWeekday(d) - 1); }

std::string IsoWeekValue(absl::CivilDay d) {
  absl::CivilDay thursday = MondayOf(d) + 3;
  int week = (absl::GetYearDay(thursday) - 1) / 7 + 1;
  return absl::StrCat(Year4(thursday.year()), "-W", absl::Dec(week, absl::kZeroPad2));
}

absl::CivilDay LastDayOfMonth(absl::CivilMonth m) { return absl::CivilDay(m + 1) - 1; }

std::string Year4(long long y) {
  // StrCat rather than StrFormat: every date value starts with one.
  if (y < 0) return absl::StrCat("-", absl::Dec(-y, absl::kZeroPad4));
  return absl::StrCat(absl::Dec(y, absl::kZeroPad4));
}

std::string NumberText(double n) {
  if (std::fabs(n) < 1e15 && std::fabs(n - std::round(n)) < 1e-9) return absl::StrCat(static_cast<long long>(std::round(n)));
  return absl::StrFormat("%g", n);
}

namespace {
Timex Make(std::string value, absl::CivilDay first, absl::CivilDay last, absl::string_view gran) {
  Timex t;
  t.type = "DATE";
  t.value = std::move(value);
  t.first_day = first;
  t.last_day = last;
  t.granularity = std::string(gran);
  return t;
}
}  // namespace

Timex DayTimex(absl::CivilDay d) {
  return Make(absl::StrCat(Year4(d.year()), "-", absl::Dec(d.month(), absl::kZeroPad2), "-",
                           absl::Dec(d.day(), absl::kZeroPad2)),
              d, d, "day");
}

Timex MonthTimex(absl::CivilMonth m) {
  return Make(absl::StrCat(Year4(m.year()), "-", absl::Dec(m.month(), absl::kZeroPad2)), absl::CivilDay(m),
              LastDayOfMonth(m),
              "month");
}

Timex YearTimex(long long y) {
  return Make(Year4(y), absl::CivilDay(y, 1, 1), absl::CivilDay(y, 12, 31), "year");
}

Timex WeekTimex(absl::CivilDay any_day_of_week) {
  absl::CivilDay monday = MondayOf(any_day_of_week);
  return Make(IsoWeekValue(monday), monday, monday + 6, "week");
}

Timex WeekendTimex(absl::CivilDay saturday) {
  return Make(IsoWeekValue(saturday) + "-WE", saturday, saturday + 1, "week");
}

Timex SeasonTimex(long long year, absl::string_view season) {
  int start = season == "SP" ? 3 : season == "SU" ? 6 : season == "FA" ? 9 : 12;
  absl::CivilMonth first(year, start);
  return Make(absl::StrCat(Year4(year), "-", season), absl::CivilDay(first), LastDayOfMonth(first + 2), "season");
}

Timex QuarterTimex(long long year, int quarter) {
  absl::CivilMonth first(year, (quarter - 1) * 3 + 1);
  return Make(absl::StrCat(Year4(year), "-Q", quarter), absl::CivilDay(first), LastDayOfMonth(first + 2),
              "quarter");
}

Timex HalfYearTimex(long long year, int half) {
  absl::CivilMonth first(year, half == 1 ? 1 : 7);
  return Make(absl::StrCat(Year4(year), "-H", half), absl::CivilDay(first), LastDayOfMonth(first + 5), "half");
}

Timex HalfMonthTimex(absl::CivilMonth m, int half) {
  Timex t = MonthTimex(m);
  if (half == 1) {
    t.last_day = absl::CivilDay(m) + 14;
  } else {
    t.first_day = absl::CivilDay(m) + 15;
  }
  t.granularity = "half";
  return t;
}

Timex DecadeTimex(long long first_year) {
  return Make(absl::StrCat(first_year / 10), absl::CivilDay(first_year, 1, 1),
              absl::CivilDay(first_year + 9, 12, 31), "decade");
}

Timex CenturyTimex(long long century) {
  long long first = (century - 1) * 100;
  return Make(absl::StrFormat("%02d", century - 1), absl::CivilDay(first, 1, 1), absl::CivilDay(first + 99, 12, 31),
              "century");
}

void ApplyPartMod(Timex& t, absl::string_view mod) {
  t.mod = std::string(mod);
  if (!t.first_day || !t.last_day) return;
  absl::CivilDay a = *t.first_day, b = *t.last_day;
  long long len = (b - a) + 1;
  if (t.granularity == "month") {
    // Calendar thirds of a month: 1-10, 11-20, 21-end.
    if (mod == "START") t.last_day = a + 9;
    if (mod == "MID") { t.first_day = a + 10; t.last_day = a + 19; }
    if (mod == "END") t.first_day = a + 20;
    return;
  }
  long long third = len / 3;
  if (mod == "START") t.last_day = a + (third - 1);
  if (mod == "MID") { t.first_day = a + third; t.last_day = b - third; }
  if (mod == "END") t.first_day = b - (third - 1);
}

Timex Unanchored(absl::string_view type, std::string value, bool relative) {
  Timex t;
  t.type = std::string(type);
  t.value = std::move(value);
  t.relative = relative;
  return t;
}

}  // namespace timex
}  // namespace claimdiff
