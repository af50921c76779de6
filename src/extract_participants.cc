#include "extract_participants.h"

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "status_macros.h"

namespace claimdiff {

namespace {

// Longest name, in tokens, after a title or a cue ("Kim Jong Un" has three).
constexpr size_t kMaxNameTokens = 3;

std::string Written(absl::string_view text, size_t start, size_t end) {
  return std::string(text.substr(start, end - start));
}

}  // namespace

absl::StatusOr<std::unique_ptr<ParticipantTagger>> ParticipantTagger::Create(const Lexicon& lexicon,
                                                                               const Stemmer& stemmer) {
  std::unique_ptr<ParticipantTagger> t(new ParticipantTagger());
  const LexiconTable& settings = lexicon.Table("claims");
  for (const std::string& s : settings.GetAll("name_suffix")) t->name_suffixes_.push_back(FoldCase(s));
  for (const std::string& s : settings.GetAll("title_link")) t->title_links_.Insert(FoldCase(s));
  for (const std::string& s : settings.GetAll("pair_word")) t->pair_words_.Insert(FoldCase(s));
  t->pair_pronoun_ = settings.Get("pair_pronoun") == "yes";
  for (const std::string& s : settings.GetAll("pair_article")) t->pair_articles_.Insert(FoldCase(s));
  for (const std::string& s : settings.GetAll("pair_plural")) t->pair_plurals_.push_back(FoldCase(s));

  const LexiconTable& titles = lexicon.Table("titles");
  for (const LexiconRow& row : titles.rows) {
    CLAIMDIFF_RETURN_IF_ERROR(CheckFields(titles, row, 2));
    t->title_rows_.push_back({row.Field(1), row.Field(2), FoldCase(row.fields[0])});
  }
  AddPhrases(titles, &stemmer, &t->titles_);
  for (size_t r = 0; r < titles.rows.size(); ++r) {
    std::vector<std::string> toks = PhraseTokens(titles.rows[r].fields[0]);
    if (toks.size() != 1) continue;
    t->title_single_.Insert(toks[0], static_cast<int>(r));
    t->title_single_.Insert(stemmer.Stem(toks[0]), static_cast<int>(r));
    t->blockers_.Insert(toks[0]);
  }

  const LexiconTable& people = lexicon.Table("people");
  for (const LexiconRow& row : people.rows) {
    CLAIMDIFF_RETURN_IF_ERROR(CheckFields(people, row, 2));
    t->people_keys_.push_back(row.Field(1));
  }
  AddPhrases(people, nullptr, &t->people_);
  t->people_.set_suffixes(t->name_suffixes_);

  for (const LexiconRow& row : lexicon.Table("first_names").rows) t->first_names_.Insert(FoldCase(row.fields[0]));
  AddPhrases(lexicon.Table("person_cues"), nullptr, &t->person_cues_);
  const LexiconTable& variants = lexicon.Table("name_variants");
  for (const LexiconRow& row : variants.rows) {
    CLAIMDIFF_RETURN_IF_ERROR(CheckFields(variants, row, 2));
    t->variants_.Insert(FoldCase(row.fields[0]), FoldCase(row.Field(1)));
  }

  // Organisations and media share one phrase table; media rows follow. A
  // name's last word also matches by its stem ("Behörden" for "Behörde")
  // unless the language says no (in English the stem of "reports" is that
  // of "reported", of "authorities" that of "authorize"), or only when
  // capitalized (German nouns: "Regierungen", not "regierende").
  const std::string org_stems_setting = settings.Get("organisation_stems");
  const bool org_stems = org_stems_setting != "no";
  t->orgs_.set_stem_needs_upper(org_stems_setting == "capitalized");
  for (absl::string_view name : {"organisations", "media"}) {
    const LexiconTable& table = lexicon.Table(name);
    bool media = name == "media";
    for (size_t r = 0; r < table.rows.size(); ++r) {
      const LexiconRow& row = table.rows[r];
      CLAIMDIFF_RETURN_IF_ERROR(CheckFields(table, row, 3));
      Org org;
      org.key = row.Field(1);
      org.kind = media ? "media" : "organisation";
      org.source = row.Field(2);
      org.generic = media && row.Field(2) == "generic";
      if (org.generic) org.source = "media";
      std::vector<std::string> toks = PhraseTokens(row.fields[0]);
      t->orgs_.Add(toks, static_cast<int>(t->org_rows_.size()), org_stems ? stemmer.Stem(toks.back()) : "");
      t->org_rows_.push_back(std::move(org));
      if (toks.size() == 1) t->blockers_.Insert(toks[0]);
    }
  }
  t->orgs_.set_suffixes(t->name_suffixes_);

  // Nationality adjectives, with every inflection ending the language lists.
  std::vector<std::string> endings = settings.GetAll("adjective_ending");
  endings.insert(endings.begin(), "");
  const LexiconTable& origins = lexicon.Table("media_origins");
  for (const LexiconRow& row : origins.rows) {
    CLAIMDIFF_RETURN_IF_ERROR(CheckFields(origins, row, 2));
    std::vector<std::string> toks = PhraseTokens(row.fields[0]);
    if (toks.empty()) continue;
    for (const std::string& ending : endings) {
      std::vector<std::string> inflected = toks;
      inflected.back() += FoldCase(ending);
      t->origins_.Add(inflected, static_cast<int>(t->origin_keys_.size()));
    }
    t->origin_keys_.push_back(row.Field(1));
  }
  std::vector<std::string> starts;
  for (const PhraseTable* table : {&t->titles_, &t->people_, &t->person_cues_, &t->orgs_, &t->origins_}) {
    std::vector<std::string> keys = table->StartKeys();
    starts.insert(starts.end(), keys.begin(), keys.end());
  }
  t->phrase_starts_ = KeyFilter(starts.size());
  for (const std::string& key : starts) t->phrase_starts_.Add(key);
  return t;
}

std::string ParticipantTagger::NameKey(const std::vector<Token>& tokens, size_t begin, size_t end) const {
  std::string key;
  bool first = true;
  for (size_t i = begin; i < end; ++i) {
    for (absl::string_view part : absl::StrSplit(tokens[i].folded, absl::ByAnyChar("-'"), absl::SkipEmpty())) {
      const std::string* v = variants_.Find(part);
      absl::StrAppend(&key, first ? "" : " ", v != nullptr ? absl::string_view(*v) : part);
      first = false;
    }
  }
  return key;
}

std::optional<Span> ParticipantTagger::FindPairReference(const std::vector<Token>& tokens) const {
  for (size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    if (t.kind != Token::kWord) continue;
    if (i + 1 < tokens.size() && tokens[i + 1].kind == Token::kWord &&
        pair_articles_.Contains(t.folded, t.folded_print)) {
      const Token& noun = tokens[i + 1];
      auto title = MatchTitle(tokens, i + 1);
      if (title && title->end == i + 2) {
        const std::string& form = title_rows_[static_cast<size_t>(title->payload)].folded;
        for (const std::string& plural : pair_plurals_) {
          if (noun.folded.size() == form.size() + plural.size() && HasSuffix(noun.folded, plural) &&
              absl::StartsWith(noun.folded, form)) {
            return Span{t.start, noun.end};
          }
        }
      }
    }
    if (!pair_words_.Contains(t.folded, t.folded_print)) continue;
    if (i + 1 < tokens.size() && tokens[i + 1].kind == Token::kWord) {
      if (auto title = MatchTitle(tokens, i + 1)) return Span{t.start, tokens[title->end - 1].end};
      if (pair_pronoun_ && !tokens[i + 1].upper) return Span{t.start, t.end};
    } else if (pair_pronoun_) {
      return Span{t.start, t.end};
    }
  }
  return std::nullopt;
}

bool ParticipantTagger::IsBlocker(const Token& t) const {
  return blockers_.Contains(t.folded, t.folded_print) || title_single_.Contains(t.folded, t.folded_print) ||
         (!t.stem.empty() && title_single_.Contains(t.stem, t.stem_print));
}

size_t ParticipantTagger::NameRun(const std::vector<Token>& tokens, size_t i, size_t max_tokens) const {
  size_t n = 0;
  while (i + n < tokens.size() && n < max_tokens) {
    const Token& t = tokens[i + n];
    if (t.kind != Token::kWord || !t.upper || IsBlocker(t)) break;
    if (n > 0 && !t.space_before) break;
    ++n;
  }
  return n;
}

std::optional<PhraseTable::Match> ParticipantTagger::MatchTitle(const std::vector<Token>& tokens, size_t i) const {
  auto m = titles_.MatchAt(tokens, i, tokens.size());
  if (m) return m;
  // A compound with a hyphen ("US-Präsident", "Kreml-Sprecher") whose last
  // part is a title.
  if (!tokens[i].hyphenated) return std::nullopt;
  const std::string& f = tokens[i].folded;
  const size_t dash = f.rfind('-');
  const int* row = title_single_.Find(absl::string_view(f).substr(dash + 1));
  if (row == nullptr) return std::nullopt;
  PhraseTable::Match out;
  out.begin = i;
  out.end = i + 1;
  out.payload = *row;
  return out;
}

void ParticipantTagger::NameOutlet(const std::vector<Token>& tokens, FoundParticipant* fp) const {
  // "die staatliche Agentur KCNA": a generic media noun followed by a named
  // outlet is that outlet.
  auto named = orgs_.MatchAt(tokens, fp->end, tokens.size());
  if (!named) return;
  const Org& o = org_rows_[static_cast<size_t>(named->payload)];
  if (o.generic) return;
  fp->participant.key = o.key;
  fp->participant.kind = o.kind;
  fp->source_kind = o.source;
  fp->end = named->end;
}

std::vector<FoundParticipant> ParticipantTagger::Find(absl::string_view text, const std::vector<Token>& tokens,
                                                      NameMemory* memory) const {
  std::vector<FoundParticipant> out;
  auto person = [&](size_t title_begin, size_t title_end, int title_row, size_t name_begin, size_t name_end,
                    const std::string& known_key) {
    FoundParticipant fp;
    Participant& p = fp.participant;
    p.kind = "person";
    p.span = {tokens[name_begin].start, tokens[name_end - 1].end};
    p.name = Written(text, p.span.start, p.span.end);
    std::string key = known_key;
    if (key.empty() && name_end - name_begin == 1) {
      // A bare name part: resolve through the names seen so far.
      const std::string& f = tokens[name_begin].folded;
      auto it = memory->alias_to_key.find(PrintedWord{f, tokens[name_begin].folded_print});
      for (size_t s = 0; it == memory->alias_to_key.end() && s < name_suffixes_.size(); ++s) {
        if (f.size() > name_suffixes_[s].size() && HasSuffix(f, name_suffixes_[s])) {
          it = memory->alias_to_key.find(absl::string_view(f).substr(0, f.size() - name_suffixes_[s].size()));
        }
      }
      if (it != memory->alias_to_key.end()) key = it->second;
    }
    if (key.empty()) key = NameKey(tokens, name_begin, name_end);
    p.key = key;
    if (title_row >= 0) {
      const Title& title = title_rows_[static_cast<size_t>(title_row)];
      p.title = title.key;
      p.title_span = Span{tokens[title_begin].start, tokens[title_end - 1].end};
      p.title_written = Written(text, p.title_span->start, p.title_span->end);
      p.affiliation = title.affiliation;
    }
    // "Kreml-Sprecher Dmitri Peskow", later "Peskow": still the Kremlin's.
    if (!p.affiliation.empty()) {
      memory->affiliation_of[key] = p.affiliation;
    } else if (auto it = memory->affiliation_of.find(key); it != memory->affiliation_of.end()) {
      p.affiliation = it->second;
    }
    fp.begin = title_row >= 0 ? title_begin : name_begin;
    fp.end = name_end;
    fp.source_kind = title_row >= 0 ? "official" : "person";
    // Remember every part of a full name.
    if (name_end - name_begin >= 2 || !known_key.empty()) {
      for (size_t k = name_begin; k < name_end; ++k) {
        for (absl::string_view part : absl::StrSplit(tokens[k].folded, '-', absl::SkipEmpty())) {
          if (part.size() < 3) continue;
          memory->alias_to_key.emplace(std::string(part), key);
          const std::string* v = variants_.Find(part);
          if (v != nullptr) memory->alias_to_key.emplace(*v, key);
        }
      }
    }
    size_t end = fp.end;
    out.push_back(std::move(fp));
    return end;
  };
  // A name at i: a known person, else a capitalized run. Returns the end.
  auto name_at = [&](size_t i, size_t* end, std::string* key) -> bool {
    if (i >= tokens.size()) return false;
    if (auto m = people_.MatchAt(tokens, i, tokens.size())) {
      *end = m->end;
      *key = people_keys_[static_cast<size_t>(m->payload)];
      return true;
    }
    size_t n = NameRun(tokens, i, kMaxNameTokens);
    if (n == 0) return false;
    *end = i + n;
    key->clear();
    return true;
  };

  size_t i = 0;
  while (i < tokens.size()) {
    const Token& t = tokens[i];
    if (t.kind != Token::kWord) {
      ++i;
      continue;
    }
    // Organisations and media, with an origin adjective before a generic
    // media noun ("russische Medien", "North Korean state media").
    // Most words start no phrase: one probe spares them the tables' look-ups.
    const bool phrases = MayStartPhrase(t);
    std::optional<PhraseTable::Match> org = phrases ? orgs_.MatchAt(tokens, i, tokens.size()) : std::nullopt;
    std::optional<PhraseTable::Match> origin =
        phrases ? origins_.MatchAt(tokens, i, tokens.size()) : std::nullopt;
    bool media_phrase = false;
    if (origin) {
      // Allow one adjective between origin and noun ("staatliche").
      for (size_t skip = 0; skip <= 1 && !media_phrase; ++skip) {
        auto noun = orgs_.MatchAt(tokens, origin->end + skip, tokens.size());
        if (noun && org_rows_[static_cast<size_t>(noun->payload)].generic) {
          const Org& o = org_rows_[static_cast<size_t>(noun->payload)];
          FoundParticipant fp;
          fp.participant.kind = o.kind;
          fp.participant.key = absl::StrCat(origin_keys_[static_cast<size_t>(origin->payload)], " ", o.key);
          fp.begin = i;
          fp.end = noun->end;
          fp.source_kind = o.source;
          NameOutlet(tokens, &fp);
          fp.participant.span = {t.start, tokens[fp.end - 1].end};
          fp.participant.name = Written(text, fp.participant.span.start, fp.participant.span.end);
          i = fp.end;
          out.push_back(std::move(fp));
          media_phrase = true;
        }
      }
    }
    if (media_phrase) continue;
    {
      auto title = phrases || t.hyphenated ? MatchTitle(tokens, i) : std::nullopt;
      if (title && (!org || title->end >= org->end)) {
        size_t j = title->end;
        // "Der Machthaber von Nordkorea Kim Jong Un": skip "von <Name>".
        size_t name_end = 0;
        std::string key;
        if (name_at(j, &name_end, &key)) {
          i = person(title->begin, title->end, title->payload, j, name_end, key);
          continue;
        }
        if (j + 2 < tokens.size() && title_links_.Contains(tokens[j].folded, tokens[j].folded_print) &&
            tokens[j + 1].upper &&
            name_at(j + 2, &name_end, &key)) {
          i = person(title->begin, title->end, title->payload, j + 2, name_end, key);
          continue;
        }
      }
    }
    if (org) {
      const Org& o = org_rows_[static_cast<size_t>(org->payload)];
      FoundParticipant fp;
      fp.participant.kind = o.kind;
      fp.participant.span = {t.start, tokens[org->end - 1].end};
      fp.participant.name = Written(text, fp.participant.span.start, fp.participant.span.end);
      fp.participant.key = o.key;
      fp.begin = i;
      fp.end = org->end;
      fp.source_kind = o.source;
      if (o.generic) {
        NameOutlet(tokens, &fp);
        fp.participant.span = {t.start, tokens[fp.end - 1].end};
        fp.participant.name = Written(text, fp.participant.span.start, fp.participant.span.end);
      }
      i = fp.end;
      out.push_back(std::move(fp));
      continue;
    }
    if (auto known = phrases ? people_.MatchAt(tokens, i, tokens.size()) : std::nullopt) {
      // Extend a known short form by following name parts only when the
      // longer name is known too (handled by the longest match).
      i = person(0, 0, -1, i, known->end, people_keys_[static_cast<size_t>(known->payload)]);
      continue;
    }
    if (auto cue = phrases ? person_cues_.MatchAt(tokens, i, tokens.size()) : std::nullopt) {
      size_t j = cue->end;
      while (j < tokens.size() && tokens[j].kind == Token::kPunct && tokens[j].folded == ".") ++j;
      size_t n = NameRun(tokens, j, kMaxNameTokens);
      if (n > 0) {
        i = person(0, 0, -1, j, j + n, "");
        continue;
      }
    }
    if (t.upper && first_names_.Contains(t.folded, t.folded_print)) {
      size_t n = NameRun(tokens, i + 1, kMaxNameTokens - 1);
      if (n > 0) {
        i = person(0, 0, -1, i, i + 1 + n, "");
        continue;
      }
    }
    if (t.upper && !IsBlocker(t)) {
      const std::string& f = t.folded;
      bool known = memory->alias_to_key.contains(PrintedWord{f, t.folded_print});
      for (size_t s = 0; !known && s < name_suffixes_.size(); ++s) {
        known = f.size() > name_suffixes_[s].size() && HasSuffix(f, name_suffixes_[s]) &&
                memory->alias_to_key.contains(absl::string_view(f).substr(0, f.size() - name_suffixes_[s].size()));
      }
      if (known) {
        i = person(0, 0, -1, i, i + 1, "");
        continue;
      }
    }
    ++i;
  }
  return out;
}

}  // namespace claimdiff
