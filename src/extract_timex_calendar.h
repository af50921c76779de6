// Calendar arithmetic and TIMEX3 value formatting for the time tagger.
// Private to the extract stage. Every function fills a Timex's type, value,
// interval and granularity for one kind of period.

#ifndef CLAIMDIFF_SRC_EXTRACT_TIMEX_CALENDAR_H_
#define CLAIMDIFF_SRC_EXTRACT_TIMEX_CALENDAR_H_

#include <string>

#include "absl/strings/string_view.h"
#include "absl/time/civil_time.h"
#include "claimdiff/extract.h"

namespace claimdiff {
namespace timex {

int IsoWeekday(absl::CivilDay d);               // Monday 1 ... Sunday 7.
absl::CivilDay MondayOf(absl::CivilDay d);
std::string IsoWeekValue(absl::CivilDay d);     // "2019-W17".
absl::CivilDay LastDayOfMonth(absl::CivilMonth m);
std::string Year4(long long y);                 // "0578", "2019".
std::string NumberText(double n);               // "3", "0.5".

Timex DayTimex(absl::CivilDay d);
Timex MonthTimex(absl::CivilMonth m);
Timex YearTimex(long long y);
Timex WeekTimex(absl::CivilDay any_day_of_week);
Timex WeekendTimex(absl::CivilDay saturday);
// `season` is SP, SU, FA or WI; winter starts in December of `year`.
Timex SeasonTimex(long long year, absl::string_view season);
Timex QuarterTimex(long long year, int quarter);
Timex HalfYearTimex(long long year, int half);
// Value stays the month (as news reporting compares it), interval is the half.
Timex HalfMonthTimex(absl::CivilMonth m, int half);
Timex DecadeTimex(long long first_year);        // 1920 -> value "192".
Timex CenturyTimex(long long century);          // 21 -> value "20" (1st year 2001 rounded to 2000).

// Sets `mod` and narrows the interval to the first, middle or last third.
void ApplyPartMod(Timex& t, absl::string_view mod);

// A Timex with no anchor: value only, relative=true when `relative`.
Timex Unanchored(absl::string_view type, std::string value, bool relative);

}  // namespace timex
}  // namespace claimdiff

#endif  // CLAIMDIFF_SRC_EXTRACT_TIMEX_CALENDAR_H_
