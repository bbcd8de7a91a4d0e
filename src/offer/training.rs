//! Learning the offer reader from the labelled corpus (`corpus/postings/*.yaml`): the section
//! model (is a line a duty?) from every line's section, the role model (whose work?) from the
//! duty lines' labels and the catalogs' task texts, and cross-validation that leaves whole
//! sources out. Run by `cargo run --release --example train_reader`; deterministic, so a test
//! can check that the committed models are what the corpus gives.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use rustc_hash::FxHashMap;
use serde::Deserialize;

use super::extract::clean;
use super::features::{GRAM_MARK, Stems, role_features};
use super::language::Language;
use super::model::{Example, FitOptions, LinearModel, Weighting};
use super::sections::{OPENERS, blocks_of, context_features, features_of, lay_out_lines};
use crate::catalog::Catalog;
use crate::error::InputError;
use crate::yaml;

/// Where the training settings live under `data/`.
pub const TRAINING_PATH: &str = "reader/training.yaml";

/// One labelled posting of the corpus.
#[derive(Debug, Clone, Deserialize)]
pub struct CorpusPosting {
    pub source: String,
    pub employer: String,
    pub kind: String,
    pub language: String,
    pub title: String,
    pub verdict: String,
    /// Which role(s) the job title names or means for a practitioner: `community`,
    /// `social-media`, `both` or `none` (`corpus/README.md`, "Title role"). What the title
    /// reading is measured against; the models do not learn from it.
    #[serde(default)]
    pub title_role: Option<String>,
    pub whole: bool,
    #[serde(default)]
    pub excerpt: Option<String>,
    pub lines: Vec<CorpusLine>,
}

/// One line of a labelled posting.
#[derive(Debug, Clone, Deserialize)]
pub struct CorpusLine {
    pub section: String,
    #[serde(default)]
    pub label: Option<String>,
    pub text: String,
}

impl CorpusPosting {
    pub fn language(&self) -> Language {
        self.language.parse().unwrap_or(Language::English)
    }

    /// The group cross-validation leaves out together: the employer.
    pub fn group(&self) -> String {
        self.employer.trim().to_lowercase()
    }
}

/// How the models are learned (`data/reader/training.yaml`).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TrainingConfig {
    pub roles: RoleTraining,
    pub sections: SectionTraining,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoleTraining {
    /// Corpus label → model class (a role id, `shared` or `neither`).
    pub labels: BTreeMap<String, String>,
    /// How much one catalog task counts beside one corpus line.
    pub catalog_weight: f64,
    /// Weigh the corpus lines so that every class counts as much as the others (a class with
    /// half the lines gets twice the weight per line): the corpus's mix of classes is where its
    /// postings came from, not what a new posting will hold.
    #[serde(default)]
    pub balance_classes: bool,
    pub fit: FitSettings,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectionTraining {
    /// Corpus section → model class (`duty` must be one).
    pub classes: BTreeMap<String, String>,
    /// A stem opens duties when at least this many duty lines start with it...
    pub opener_min_count: usize,
    /// ...and at least this share of all lines that start with it are duties.
    pub opener_min_share: f64,
    /// How much a line of a derived document (a posting's duties pasted alone, or a posting
    /// without its headings) counts.
    pub duty_list_weight: f64,
    /// How many folds of sources give the first pass's readings the second pass learns from.
    pub context_folds: usize,
    pub fit: FitSettings,
}

#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FitSettings {
    /// Features seen fewer times than this are left out.
    pub min_count: usize,
    pub l2: f64,
    pub epochs: usize,
    pub learning_rate: f64,
    /// What a feature present in a line is worth (`binary` if absent).
    #[serde(default)]
    pub weighting: WeightingSetting,
}

/// The settings' name for a model's [`Weighting`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum WeightingSetting {
    /// Every feature 1/√count.
    #[default]
    Binary,
    /// IDF, L2-normalised over the features of the line the model knows.
    Idf,
    /// IDF, L2-normalised over the letter sequences (`#…`) and over the other features apart.
    IdfBlocks,
}

impl FitSettings {
    fn options(self) -> FitOptions {
        FitOptions {
            l2: self.l2,
            epochs: self.epochs,
            learning_rate: self.learning_rate,
        }
    }

    fn weighting(self) -> Weighting {
        match self.weighting {
            WeightingSetting::Binary => Weighting::Binary,
            WeightingSetting::Idf => Weighting::Idf { blocks: Vec::new() },
            WeightingSetting::IdfBlocks => Weighting::Idf {
                blocks: vec![GRAM_MARK.to_owned()],
            },
        }
    }
}

impl TrainingConfig {
    /// The settings embedded from `data/reader/training.yaml`.
    pub fn builtin() -> Result<TrainingConfig, InputError> {
        let text = crate::catalog::builtin_data_file(TRAINING_PATH).unwrap_or_default();
        yaml::parse(&format!("<built-in>/{TRAINING_PATH}"), text)
    }

    /// The settings in a file (the training command reads `data/reader/training.yaml` from
    /// disk, so a change is tried without rebuilding).
    pub fn from_file(path: &Path) -> anyhow::Result<TrainingConfig> {
        let name = path.display().to_string();
        let text = std::fs::read_to_string(path)
            .map_err(|e| anyhow::anyhow!("cannot read {name}: {e}"))?;
        Ok(yaml::parse(&name, &text)?)
    }
}

/// Reads every `*.yaml` file of the corpus folder, in name order.
pub fn load_corpus(dir: &Path) -> anyhow::Result<Vec<(String, CorpusPosting)>> {
    use anyhow::Context as _;
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .with_context(|| format!("cannot list {}", dir.display()))?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    files.sort();
    let mut out = Vec::with_capacity(files.len());
    for path in files {
        let name = path.display().to_string();
        let text = std::fs::read_to_string(&path).with_context(|| format!("cannot read {name}"))?;
        let posting: CorpusPosting = yaml::parse(&name, &text)?;
        out.push((name, posting));
    }
    Ok(out)
}

/// A training example before features get ids.
#[derive(Debug, Clone)]
pub struct NamedExample {
    pub features: Vec<String>,
    pub class: String,
    pub weight: f64,
    /// The corpus source it comes from (`None`: a catalog task, always trained on).
    pub group: Option<String>,
    pub language: Language,
    /// Made from a corpus posting rather than read from it (a duty list cut out of a whole
    /// posting): trained on, but left out of the cross-validated figures.
    pub derived: bool,
}

/// The role model's examples: every labelled duty line, and every catalog task (its title and
/// keywords, labelled by its owner).
pub fn role_examples(
    corpus: &[(String, CorpusPosting)],
    catalog: &Catalog,
    config: &RoleTraining,
) -> Vec<NamedExample> {
    let mut out = Vec::new();
    for (_, posting) in corpus {
        let language = posting.language();
        let stems = Stems::new(language);
        for line in posting.lines.iter().filter(|l| l.section == "duty") {
            let Some(class) = line.label.as_ref().and_then(|l| config.labels.get(l)) else {
                continue;
            };
            let laid = lay_out_lines(&[&line.text]);
            let text: Vec<&str> = laid.iter().map(|l| l.text.as_str()).collect();
            out.push(NamedExample {
                features: role_features(&stems.tokens(&text.join(" "))),
                class: class.clone(),
                weight: 1.0,
                group: Some(posting.group()),
                language,
                derived: false,
            });
        }
    }
    if config.balance_classes {
        balance(&mut out);
    }
    let stems = Stems::new(Language::English);
    for task in catalog.tasks() {
        let class = task.role.as_str().to_owned();
        let text = format!("{}. {}", task.title, task.keywords.join(", "));
        out.push(NamedExample {
            features: role_features(&stems.tokens(&text)),
            class,
            weight: config.catalog_weight,
            group: None,
            language: Language::English,
            derived: false,
        });
    }
    out
}

/// Weighs examples so that each class's weights add up to the same total.
fn balance(examples: &mut [NamedExample]) {
    let mut totals: BTreeMap<String, f64> = BTreeMap::new();
    for e in examples.iter() {
        *totals.entry(e.class.clone()).or_default() += e.weight;
    }
    let all: f64 = totals.values().sum();
    #[allow(clippy::cast_precision_loss)]
    let share = all / totals.len() as f64;
    for e in examples.iter_mut() {
        e.weight *= share / totals[&e.class];
    }
}

/// One document of the section model's training: its lines' examples, in order, and the
/// block of each line ([`blocks_of`]).
#[derive(Debug, Clone)]
pub struct SectionDocument {
    pub examples: Vec<NamedExample>,
    pub blocks: Vec<usize>,
    /// The corpus source (cross-validation leaves it out whole).
    pub group: String,
}

/// The section model's documents: every posting, each line with the heading above it and its
/// shape, classed by its section. People also paste a duty list alone (a title and its
/// bullets, or a whole posting whose headings were lost), so each posting with duties also
/// gives three derived documents: its title and its duties as bullets, the bullets alone, and
/// all its lines but the headings. They weigh `duty_list_weight` and stay out of the cross-validated figures.
pub fn section_documents(
    corpus: &[(String, CorpusPosting)],
    config: &SectionTraining,
) -> Vec<SectionDocument> {
    let mut out = Vec::new();
    for (_, posting) in corpus {
        let stems = Stems::new(posting.language());
        let texts: Vec<&str> = posting.lines.iter().map(|l| l.text.as_str()).collect();
        let sections: Vec<&str> = posting.lines.iter().map(|l| l.section.as_str()).collect();
        out.push(document(
            &texts, &sections, posting, &stems, config, 1.0, false,
        ));
        let duties: Vec<String> = posting
            .lines
            .iter()
            .filter(|l| l.section == "duty")
            .filter_map(|l| clean(&l.text).map(|c| c.text))
            .collect();
        if duties.len() < 2 || config.duty_list_weight <= 0.0 {
            continue;
        }
        let w = config.duty_list_weight;
        let mut bullets = vec![posting.title.clone()];
        bullets.extend(duties.iter().map(|d| format!("- {d}")));
        let mut sections = vec!["title"];
        sections.extend(duties.iter().map(|_| "duty"));
        out.push(document(
            &bullets, &sections, posting, &stems, config, w, true,
        ));
        out.push(document(
            &bullets[1..],
            &sections[1..],
            posting,
            &stems,
            config,
            w,
            true,
        ));
        let bare: Vec<&CorpusLine> = posting
            .lines
            .iter()
            .filter(|l| l.section != "heading")
            .collect();
        let texts: Vec<&str> = bare.iter().map(|l| l.text.as_str()).collect();
        let sections: Vec<&str> = bare.iter().map(|l| l.section.as_str()).collect();
        out.push(document(
            &texts, &sections, posting, &stems, config, w, true,
        ));
    }
    out
}

/// One document: `sections[i]` is the section of `texts[i]`. A line whose section has no
/// class is read (it stays context for the others) but not learned (weight 0).
fn document<S: AsRef<str>>(
    texts: &[S],
    sections: &[&str],
    posting: &CorpusPosting,
    stems: &Stems,
    config: &SectionTraining,
    weight: f64,
    derived: bool,
) -> SectionDocument {
    let language = posting.language();
    let laid = lay_out_lines(texts);
    let features = features_of(language, stems, &laid);
    let examples = laid
        .iter()
        .zip(features)
        .map(|(line, features)| {
            let class = config.classes.get(sections[line.source]);
            NamedExample {
                features,
                class: class.cloned().unwrap_or_default(),
                weight: if class.is_some() { weight } else { 0.0 },
                group: Some(posting.group()),
                language,
                derived,
            }
        })
        .collect();
    SectionDocument {
        examples,
        blocks: blocks_of(&laid),
        group: posting.group(),
    }
}

/// The two passes of the section model.
#[derive(Debug, Clone)]
pub struct SectionModels {
    pub first: LinearModel,
    pub in_context: LinearModel,
}

/// Fits both passes. The second pass learns from the first pass's readings of documents it
/// did not see (`folds` folds of whole sources), as it will meet them on new postings.
pub fn fit_sections(
    classes: &[String],
    docs: &[&SectionDocument],
    settings: FitSettings,
    folds: usize,
) -> SectionModels {
    let fold_of = folds_by_group(docs.iter().map(|d| d.group.as_str()), folds);
    let mut second: Vec<NamedExample> = Vec::new();
    for k in 0..folds {
        let train: Vec<&NamedExample> = docs
            .iter()
            .filter(|d| fold_of[d.group.as_str()] != k)
            .flat_map(|d| &d.examples)
            .collect();
        let first = fit_named(classes, &train, settings);
        for d in docs.iter().filter(|d| fold_of[d.group.as_str()] == k) {
            second.extend(in_context(&first, d));
        }
    }
    let all: Vec<&NamedExample> = docs.iter().flat_map(|d| &d.examples).collect();
    SectionModels {
        first: fit_named(classes, &all, settings),
        in_context: fit_named(classes, &second.iter().collect::<Vec<_>>(), settings),
    }
}

/// A document's examples with the context features the first pass gives.
fn in_context(first: &LinearModel, doc: &SectionDocument) -> Vec<NamedExample> {
    let p: Vec<Vec<f64>> = doc
        .examples
        .iter()
        .map(|e| first.probabilities(&e.features))
        .collect();
    let context = context_features(&p, &first.classes, &doc.blocks);
    doc.examples
        .iter()
        .zip(context)
        .map(|(e, c)| {
            let mut e = e.clone();
            e.features.extend(c);
            e
        })
        .collect()
}

/// The second pass's probabilities for every line of a document.
pub fn read_sections(models: &SectionModels, doc: &SectionDocument) -> Vec<Vec<f64>> {
    in_context(&models.first, doc)
        .iter()
        .map(|e| models.in_context.probabilities(&e.features))
        .collect()
}

/// Sources dealt into `folds` folds in sorted order, so the folds never depend on the order
/// the files were read in.
fn folds_by_group<'a>(
    groups: impl Iterator<Item = &'a str>,
    folds: usize,
) -> FxHashMap<&'a str, usize> {
    let mut all: Vec<&str> = groups.collect();
    all.sort_unstable();
    all.dedup();
    all.into_iter()
        .enumerate()
        .map(|(i, g)| (g, i % folds.max(1)))
        .collect()
}

/// Cross-validation of both passes: `folds` folds of whole sources; each held-out document's
/// lines with their second-pass probabilities (derived documents left out).
pub fn cross_validate_sections(
    classes: &[String],
    docs: &[SectionDocument],
    settings: FitSettings,
    folds: usize,
    inner_folds: usize,
) -> Vec<(Prediction, Vec<f64>)> {
    let fold_of = folds_by_group(docs.iter().map(|d| d.group.as_str()), folds);
    let mut out = Vec::new();
    for k in 0..folds {
        let train: Vec<&SectionDocument> = docs
            .iter()
            .filter(|d| fold_of[d.group.as_str()] != k)
            .collect();
        let models = fit_sections(classes, &train, settings, inner_folds);
        for d in docs
            .iter()
            .filter(|d| fold_of[d.group.as_str()] == k && !d.examples.iter().any(|e| e.derived))
        {
            for (e, p) in d.examples.iter().zip(read_sections(&models, d)) {
                if e.weight > 0.0 {
                    out.push((
                        Prediction {
                            language: e.language,
                            derived: false,
                            want: e.class.clone(),
                            got: String::new(),
                        },
                        p,
                    ));
                }
            }
        }
    }
    out
}

/// The stems that open duty lines: the first word of at least `opener_min_count` duty lines,
/// and of duties in at least `opener_min_share` of the lines it opens. A catalog task's first
/// word ("Reply to comments …") opens a duty by the catalog's own say, however rare it is in
/// the corpus, unless the corpus's lines it opens are mostly no duties. Sorted.
pub fn learn_openers(
    corpus: &[(String, CorpusPosting)],
    catalog: &Catalog,
    config: &SectionTraining,
) -> Vec<String> {
    let english = Stems::new(Language::English);
    let from_catalog: BTreeSet<String> = catalog
        .tasks()
        .iter()
        .filter_map(|task| english.tokens(&task.title).into_iter().next())
        .map(|t| t.stem)
        .collect();
    let mut counts: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for (_, posting) in corpus {
        let stems = Stems::new(posting.language());
        for line in &posting.lines {
            for laid in lay_out_lines(&[&line.text]) {
                let Some(first) = stems.tokens(&laid.text).into_iter().next() else {
                    continue;
                };
                let entry = counts.entry(first.stem).or_default();
                entry.1 += 1;
                if line.section == "duty" {
                    entry.0 += 1;
                }
            }
        }
    }
    let unseen: Vec<String> = from_catalog
        .iter()
        .filter(|s| !counts.contains_key(*s))
        .cloned()
        .collect();
    counts
        .into_iter()
        .filter(|(stem, (duty, all))| {
            let mostly_duties = *duty as f64 >= config.opener_min_share * *all as f64;
            mostly_duties && (*duty >= config.opener_min_count || from_catalog.contains(stem))
        })
        .map(|(stem, _)| stem)
        .chain(unseen)
        .collect::<BTreeSet<String>>()
        .into_iter()
        .collect()
}

/// Fits a model to named examples: features seen at least `min_count` times get ids (sorted,
/// so the ids do not depend on the examples' order), classes in the given order.
pub fn fit_named(
    classes: &[String],
    examples: &[&NamedExample],
    settings: FitSettings,
) -> LinearModel {
    let mut counts: FxHashMap<&str, usize> = FxHashMap::default();
    for e in examples {
        for f in &e.features {
            *counts.entry(f.as_str()).or_default() += 1;
        }
    }
    let mut names: Vec<String> = counts
        .into_iter()
        .filter(|(_, n)| *n >= settings.min_count)
        .map(|(f, _)| f.to_owned())
        .collect();
    names.sort();
    let ids: FxHashMap<&str, u32> = names
        .iter()
        .enumerate()
        .map(|(i, n)| (n.as_str(), i as u32))
        .collect();
    let examples: Vec<Example> = examples
        .iter()
        .filter_map(|e| {
            let class = classes.iter().position(|c| *c == e.class)?;
            let mut features: Vec<u32> = e
                .features
                .iter()
                .filter_map(|f| ids.get(f.as_str()).copied())
                .collect();
            features.sort_unstable();
            features.dedup();
            Some(Example {
                features,
                class,
                weight: e.weight,
            })
        })
        .collect();
    LinearModel::fit(
        classes.to_vec(),
        &names,
        &examples,
        settings.options(),
        settings.weighting(),
    )
}

/// The classes of a model, in a fixed order: the config's values, sorted, deduplicated.
pub fn classes_of(map: &BTreeMap<String, String>) -> Vec<String> {
    let mut classes: Vec<String> = map.values().cloned().collect();
    classes.sort();
    classes.dedup();
    classes
}

/// The learned models as their files' texts.
#[derive(Debug, Clone, PartialEq)]
pub struct Trained {
    pub roles: String,
    /// The section model's first pass.
    pub sections_first: String,
    /// The section model's second pass (with the stems that open duties).
    pub sections: String,
}

impl Trained {
    /// Each model's file name under `data/reader/` with its text.
    pub fn files(&self) -> [(&'static str, &str); 3] {
        [
            ("roles.model", &self.roles),
            ("sections-first.model", &self.sections_first),
            ("sections.model", &self.sections),
        ]
    }
}

/// Learns the models from the whole corpus.
pub fn train(
    corpus: &[(String, CorpusPosting)],
    catalog: &Catalog,
    config: &TrainingConfig,
) -> Trained {
    let role_ex = role_examples(corpus, catalog, &config.roles);
    let role_classes = role_classes(catalog, &config.roles);
    let roles = fit_named(
        &role_classes,
        &role_ex.iter().collect::<Vec<_>>(),
        config.roles.fit,
    );
    let documents = section_documents(corpus, &config.sections);
    let section_classes = classes_of(&config.sections.classes);
    let SectionModels {
        first,
        mut in_context,
    } = fit_sections(
        &section_classes,
        &documents.iter().collect::<Vec<_>>(),
        config.sections.fit,
        config.sections.context_folds,
    );
    in_context.extras.push((
        OPENERS.to_owned(),
        learn_openers(corpus, catalog, &config.sections),
    ));
    let section_lines: usize = documents
        .iter()
        .filter(|d| !d.examples.iter().any(|e| e.derived))
        .map(|d| d.examples.len())
        .sum();
    let duty_lines = role_ex.iter().filter(|e| e.group.is_some()).count();
    let head = [
        "rolescope offer reader: learned by `cargo run --release --example train_reader`; do not edit."
            .to_owned(),
        format!(
            "corpus: {} postings, {duty_lines} labelled duty lines, {section_lines} laid-out lines",
            corpus.len(),
        ),
    ];
    let mut role_head = head.to_vec();
    role_head.push(format!(
        "role model: {} features; plus {} catalog tasks at weight {}",
        roles.feature_count(),
        role_ex.len() - duty_lines,
        config.roles.catalog_weight
    ));
    let section_head = |pass: &str, model: &LinearModel| {
        let mut h = head.to_vec();
        h.push(format!(
            "section model, {pass}: {} features",
            model.feature_count()
        ));
        h
    };
    Trained {
        roles: roles.to_text(&role_head),
        sections_first: first.to_text(&section_head("first pass", &first)),
        sections: in_context.to_text(&section_head("in context", &in_context)),
    }
}

/// The role model's classes: the corpus labels' classes and every owner of the catalog's
/// tasks (so the catalog's shared tasks train `shared`), sorted.
pub fn role_classes(catalog: &Catalog, config: &RoleTraining) -> Vec<String> {
    let mut classes = classes_of(&config.labels);
    for task in catalog.tasks() {
        let c = task.role.as_str().to_owned();
        if !classes.contains(&c) {
            classes.push(c);
        }
    }
    classes.sort();
    classes
}

/// One held-out prediction.
#[derive(Debug, Clone)]
pub struct Prediction {
    pub language: Language,
    /// From a derived example (left out of the figures).
    pub derived: bool,
    pub want: String,
    pub got: String,
}

/// Leave-one-source-out cross-validation of a model: for every group, fit on the others (and
/// on the examples with no group) and predict the group's examples.
pub fn cross_validate(
    classes: &[String],
    examples: &[NamedExample],
    settings: FitSettings,
    decide: &dyn Fn(&LinearModel, &NamedExample) -> String,
) -> Vec<Prediction> {
    let mut groups: Vec<&str> = examples.iter().filter_map(|e| e.group.as_deref()).collect();
    groups.sort_unstable();
    groups.dedup();
    let mut out = Vec::new();
    for g in groups {
        let train: Vec<&NamedExample> = examples
            .iter()
            .filter(|e| e.group.as_deref() != Some(g))
            .collect();
        let model = fit_named(classes, &train, settings);
        for e in examples.iter().filter(|e| e.group.as_deref() == Some(g)) {
            out.push(Prediction {
                language: e.language,
                derived: e.derived,
                want: e.class.clone(),
                got: decide(&model, e),
            });
        }
    }
    out
}

/// "85.1% (80.2–89.0%, 412/484)": a share with its 95% Wilson score interval, as the
/// cross-validation reports print it.
pub fn interval(k: usize, n: usize) -> String {
    if n == 0 {
        return "n/a".to_owned();
    }
    let z = 1.96_f64;
    let (k, nf) = (k as f64, n as f64);
    let p = k / nf;
    let den = 1.0 + z * z / nf;
    let centre = (p + z * z / (2.0 * nf)) / den;
    let half = z * ((p * (1.0 - p) / nf) + z * z / (4.0 * nf * nf)).sqrt() / den;
    format!(
        "{:.1}% ({:.1}–{:.1}%, {}/{})",
        100.0 * p,
        100.0 * (centre - half),
        100.0 * (centre + half),
        k as usize,
        n
    )
}
