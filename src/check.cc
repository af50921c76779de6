// PLACEHOLDER check. Replaced by the check work.
namespace claimdiff {}
