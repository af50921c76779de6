// claimdiff align FILE...: links the statements of the documents of each
// cluster. Documents given as files form one cluster; each JSON Lines
// cluster line is its own cluster. One JSON line per cluster:
//   {"id", "links": [{"a": [doc, start, end], "b": [doc, start, end],
//                     "score", "reasons"}]}
// where doc is the document's index in the cluster and the spans are the
// byte spans of claimdiff's own sentences (what score.py alignment reads).

#include <cmath>
#include <memory>

#include "absl/strings/str_cat.h"
#include "claimdiff/pipeline.h"
#include "cli/batch.h"
#include "cli/cli_common.h"
#include "nlohmann/json.hpp"

namespace claimdiff::cli {

namespace {

struct AlignFlags {
  double threshold = AlignOptions().threshold;
  int max_links = AlignOptions().max_links_per_pair_of_docs;
  bool keep_different_event = false;
  bool no_context = false;
  int context_neighbors = AlignOptions().context_neighbors;
  int context_min_shared = AlignOptions().context_min_shared;
  int max_links_per_statement = AlignOptions().max_links_per_statement;
  int hub_neighbors = AlignOptions().hub_neighbors;
  double hub_weight = AlignOptions().hub_weight;
  double time_alone_threshold = AlignOptions().time_alone_threshold;
  double further_link_min_rank = AlignOptions().further_link_min_rank;
  double open_slot_bonus = AlignOptions().open_slot_bonus;
};

nlohmann::ordered_json SpanJson(const ClusterResult& result, int doc, int sentence) {
  const Span& span = result.docs[static_cast<size_t>(doc)].seg.sentences[static_cast<size_t>(sentence)].span;
  return nlohmann::ordered_json::array({doc, span.start, span.end});
}

}  // namespace

Command AddAlignCommand(CLI::App* app) {
  auto options = std::make_shared<CommonOptions>();  // Owned by the run function below.
  auto flags = std::make_shared<AlignFlags>();  // Owned by the run function below.
  Command command;
  command.app = app->add_subcommand(
      "align", "Link the statements that speak about the same thing across the documents of a cluster");
  AddCommonOptions(command.app, options.get());
  command.app->add_option("--threshold", flags->threshold, "Smallest link score kept (0..1)")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  command.app->add_option("--max-links", flags->max_links,
                          "Links from one statement into one other document, at most (0 = no limit)")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  command.app->add_flag("--keep-different-event", flags->keep_different_event,
                        "Also output links flagged as possibly joining two different events");
  command.app->add_flag("--no-document-context", flags->no_context,
                        "Do not use document neighbourhoods to tell look-alike events apart");
  command.app->add_option("--context-neighbors", flags->context_neighbors,
                          "Nearest documents that form a document's context")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  command.app->add_option("--context-min-shared", flags->context_min_shared,
                          "Shared neighbours two documents need to be about the same event")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  command.app->add_option("--max-links-per-statement", flags->max_links_per_statement,
                          "Links chosen by one statement across all other documents, at most (0 = no limit)")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  command.app->add_option("--hub-neighbors", flags->hub_neighbors,
                          "Best scores whose mean is a statement's hubness (0 = no hubness correction)")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  command.app->add_option("--hub-weight", flags->hub_weight,
                          "How much a candidate's hubness lowers its rank (0..1)")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  command.app->add_option("--time-alone-threshold", flags->time_alone_threshold,
                          "Smallest score of a link whose statements share nothing but a time (0..1)")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  command.app->add_option("--further-link-min-rank", flags->further_link_min_rank,
                          "Smallest rank (score less the partner's hubness) of a second link into one document")
      ->check(CLI::Range(-1.0, 1.0))
      ->capture_default_str();
  command.app->add_option("--open-slot-bonus", flags->open_slot_bonus,
                          "Added to the score when one statement leaves a time or place open that the other gives")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  command.run = [options, flags]() -> int {
    PipelineOptions pipeline_options;
    pipeline_options.lexicon_dir = options->lexicon_dir;
    pipeline_options.align.threshold = flags->threshold;
    pipeline_options.align.max_links_per_pair_of_docs = flags->max_links;
    pipeline_options.align.keep_different_event = flags->keep_different_event;
    pipeline_options.align.use_document_context = !flags->no_context;
    pipeline_options.align.context_neighbors = flags->context_neighbors;
    pipeline_options.align.context_min_shared = flags->context_min_shared;
    pipeline_options.align.max_links_per_statement = flags->max_links_per_statement;
    pipeline_options.align.hub_neighbors = flags->hub_neighbors;
    pipeline_options.align.hub_weight = flags->hub_weight;
    pipeline_options.align.time_alone_threshold = flags->time_alone_threshold;
    pipeline_options.align.further_link_min_rank = flags->further_link_min_rank;
    pipeline_options.align.open_slot_bonus = flags->open_slot_bonus;
    const Pipeline* pipeline = MakeProcessPipeline(pipeline_options);
    BatchOptions batch;
    batch.jobs = options->jobs;
    batch.files_form_one_cluster = true;
    return RunBatchCommand(*options, batch, [pipeline](Cluster cluster) -> absl::StatusOr<std::string> {
      ClusterResult result;
      result.id = cluster.is_cluster || cluster.docs.size() != 1 ? cluster.id : cluster.docs[0].id;
      auto docs = pipeline->AnalyzeAll(std::move(cluster.docs));
      if (!docs.ok()) return docs.status();
      result.docs = std::move(*docs);
      auto alignment = pipeline->Align(result.docs);
      if (!alignment.ok()) return alignment.status();
      nlohmann::ordered_json line;
      line["id"] = result.id;
      nlohmann::ordered_json links = nlohmann::ordered_json::array();
      for (const Link& link : alignment->links) {
        nlohmann::ordered_json j;
        j["a"] = SpanJson(result, link.doc_a, link.sentence_a);
        j["b"] = SpanJson(result, link.doc_b, link.sentence_b);
        j["score"] = std::round(link.score * 1000) / 1000;
        j["reasons"] = link.reasons;
        if (link.possibly_different_event) j["possibly_different_event"] = true;
        links.push_back(std::move(j));
      }
      line["links"] = std::move(links);
      return line.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    });
  };
  return command;
}

}  // namespace claimdiff::cli
