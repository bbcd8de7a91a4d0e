//! Loading, merging and validating catalogs.

use super::*;

fn src(origin: &str, text: &str, builtin: bool) -> CatalogSource {
    CatalogSource {
        origin: origin.into(),
        text: text.to_owned().into(),
        builtin,
        compact: None,
    }
}

fn errors(sources: &[CatalogSource]) -> Vec<String> {
    match Catalog::from_sources(sources) {
        Ok(_) => Vec::new(),
        Err(e) => e.0.iter().map(ToString::to_string).collect(),
    }
}

const BASE: &str = "
defaults:
  thresholds: {drift_warning: 0.3, drift_error: 0.5, title_margin: 0.1, min_fit_hours: 4,
               overload_warning: 1.0, overload_error: 1.2, underuse_info: 0.5}
roles:
- {id: cm, title: Community Manager, summary: s}
categories:
- {id: cm-welcome, role: cm, title: Welcome, core: true}
tasks:
- {id: welcome, title: Welcome members, role: cm, category: cm-welcome, hours: 2, why: w}
";

#[test]
fn the_embedded_catalogs_are_their_yaml_parsed() {
    let sources = builtin_sources();
    assert!(sources.len() >= 3, "roles and shared.yaml");
    for source in &sources {
        let root = source
            .compact
            .expect("every built-in catalog has its compact form");
        let from_tree = load::compact_file(root).expect("the tree reads");
        let from_yaml: CatalogFile =
            crate::yaml::parse(&source.origin, &source.text).expect("the YAML reads");
        assert_eq!(
            format!("{from_tree:?}"),
            format!("{from_yaml:?}"),
            "{}",
            source.origin
        );
        assert!(
            from_yaml.tasks.len() + from_yaml.roles.len() > 0,
            "{}",
            source.origin
        );
    }
}

#[test]
fn a_compact_form_that_does_not_read_falls_back_to_the_yaml_and_its_positions() {
    let mut source = src(
        "<built-in>/roles/x.yaml",
        "roles:\n- {id: x, titel: X}\n",
        true,
    );
    // A root past the end of the nodes, then the root of a file of another shape: neither
    // reads, and the YAML's own error is the one reported.
    source.compact = Some(u32::MAX);
    let e = parse_source(&source).expect_err("the YAML is wrong too");
    assert!(
        e.to_string().starts_with("<built-in>/roles/x.yaml:2:"),
        "{e}"
    );
    let other = builtin_sources()[0].compact.expect("a tree");
    source.compact = Some(other + 1);
    let e = parse_source(&source).expect_err("the YAML is wrong too");
    assert!(
        e.to_string().starts_with("<built-in>/roles/x.yaml:2:") && e.message.contains("titel"),
        "{e}"
    );
}

#[test]
fn the_builtin_catalog_keeps_its_strings_in_the_binary() {
    let catalog = Catalog::builtin().expect("built-in catalog loads");
    for task in catalog.tasks() {
        assert!(task.id.is_static() && task.title.is_static(), "{}", task.id);
        assert!(
            task.why.is_static() && task.origin.file.is_static(),
            "{}",
            task.id
        );
        assert!(task.keywords.iter().all(Text::is_static), "{}", task.id);
        // Matched in lower case, and not lowered at each start: written so.
        for k in task.all_keywords() {
            assert_eq!(k.as_str(), k.to_lowercase(), "{}", task.id);
        }
    }
    for role in catalog.roles() {
        assert!(role.summary.is_static() && role.aliases.iter().all(Text::is_static));
    }
    // A user's catalog is the user's own text, copied: nothing of it is taken for the binary's.
    let mine = src("mine.yaml", BASE, false);
    let file = parse_source(&mine).expect("reads");
    assert!(!file.tasks[0].title.is_static() && file.tasks[0].title == "Welcome members");
}

/// The merge passes over the built-ins' own strings when it looks for control characters;
/// this is where they are looked at, every one.
#[test]
fn the_builtin_catalogs_hold_no_control_character() {
    let found = load::builtin_unsafe_fields();
    assert!(found.is_empty(), "{found:?}");
    // A user's catalog is looked at as before, even when it marks itself built in.
    for builtin in [false, true] {
        let bad = "tasks:\n- {id: t, title: \"a\\eb\", role: cm, category: cm-welcome, hours: 1, why: w}\n";
        let e = errors(&[
            src("<built-in>/b.yaml", BASE, true),
            src("mine.yaml", bad, builtin),
        ]);
        assert!(
            e.iter().any(|e| e.contains("holds a control character")),
            "{e:?}"
        );
    }
}

#[test]
fn the_builtin_catalog_is_valid_and_covers_the_ground() {
    let catalog = Catalog::builtin().expect("built-in catalog loads");
    for role in ["community-manager", "social-media-manager"] {
        let owner = Owner::Role(role.into());
        let tasks = catalog.tasks().iter().filter(|t| t.role == owner).count();
        assert!(tasks >= 30, "{role} has {tasks} tasks");
        assert!(
            catalog.core_categories(role).count() >= 4,
            "{role} has core categories"
        );
        for category in catalog.categories_of(&owner) {
            assert!(
                catalog.tasks().iter().any(|t| t.category == category.id),
                "{} has tasks",
                category.id
            );
        }
    }
    assert!(
        catalog
            .tasks()
            .iter()
            .filter(|t| t.role == Owner::Shared)
            .count()
            >= 8
    );
    for task in catalog.tasks() {
        assert!(
            !task.why.is_empty() && task.keywords.len() >= 3,
            "{} has a why and keywords",
            task.id
        );
    }
    assert_eq!(
        catalog
            .role_by_title("Head of Community")
            .map(|r| r.id.as_str()),
        Some("community-manager")
    );
    assert_eq!(
        catalog
            .role_by_title("social media manager")
            .map(|r| r.id.as_str()),
        Some("social-media-manager")
    );
}

#[test]
fn a_user_file_overrides_a_builtin_task_and_says_so() {
    let user = "tasks:\n- {id: welcome, title: Greet members, role: cm, category: cm-welcome, hours: 5, why: w}\n";
    let catalog = Catalog::from_sources(&[
        src("<built-in>/b.yaml", BASE, true),
        src("mine.yaml", user, false),
    ])
    .unwrap();
    let task = catalog.task("welcome").unwrap();
    assert_eq!(task.title, "Greet members");
    assert_eq!(task.origin.file, "mine.yaml");
    assert_eq!(task.origin.overrides.as_deref(), Some("<built-in>/b.yaml"));
    assert_eq!(catalog.tasks().len(), 1);
}

#[test]
fn the_same_id_in_two_user_files_names_both() {
    let user =
        "tasks:\n- {id: extra, title: X, role: cm, category: cm-welcome, hours: 1, why: w}\n";
    let e = errors(&[
        src("<built-in>/b.yaml", BASE, true),
        src("one.yaml", user, false),
        src("two.yaml", user, false),
    ]);
    assert_eq!(e.len(), 1, "{e:?}");
    assert!(
        e[0].starts_with("two.yaml:2:") && e[0].contains("one.yaml") && e[0].contains("`extra`"),
        "{e:?}"
    );
}

#[test]
fn references_are_checked_with_did_you_mean_and_location() {
    let user =
        "tasks:\n- id: t\n  title: T\n  role: cm\n  category: cm-welcom\n  hours: 1\n  why: w\n";
    let e = errors(&[
        src("<built-in>/b.yaml", BASE, true),
        src("u.yaml", user, false),
    ]);
    assert_eq!(
        e,
        vec![
            "u.yaml:5:13: task `t` has unknown category `cm-welcom` (did you mean `cm-welcome`?)"
                .to_owned()
        ]
    );

    let mismatch = "categories:\n- {id: sh, role: shared, title: S}\ntasks:\n- {id: t, title: T, role: cm, category: sh, hours: 1, why: w}\n";
    let e = errors(&[
        src("<built-in>/b.yaml", BASE, true),
        src("u.yaml", mismatch, false),
    ]);
    assert!(e.len() == 1 && e[0].contains("they must match"), "{e:?}");
}

#[test]
fn bad_values_and_missing_thresholds_are_reported_together() {
    let bad = "roles:\n- {id: x, title: X, summary: s, covers: [nope], thresholds: {drift_warning: 2}}\ntasks:\n- {id: t, title: T, role: cm, category: cm-welcome, hours: -1, why: w}\n";
    let e = errors(&[
        src("<built-in>/b.yaml", BASE, true),
        src("u.yaml", bad, false),
    ]);
    assert_eq!(e.len(), 3, "{e:?}");
    assert!(
        e.iter()
            .any(|m| m.contains("covers unknown category `nope`"))
    );
    assert!(e.iter().any(|m| m.contains("share of the week")));
    assert!(e.iter().any(|m| m.contains("-1 typical hours")));
    let no_defaults = "roles:\n- {id: x, title: X, summary: s}\n";
    let e = errors(&[src("u.yaml", no_defaults, false)]);
    assert!(
        e[0].contains("has no value for threshold(s) drift_warning"),
        "{e:?}"
    );
}

#[test]
fn yaml_errors_in_a_catalog_name_file_line_and_column() {
    let e = errors(&[src("u.yaml", "tasks:\n- id: t\n  titel: T\n", false)]);
    assert!(
        e[0].starts_with("u.yaml:3:3: ") && e[0].contains("did you mean `title`"),
        "{e:?}"
    );
}

#[test]
fn a_title_may_mean_only_one_role() {
    let other = "roles:\n- {id: sm, title: Social, aliases: [Community Manager], summary: s}\n";
    let e = errors(&[
        src("<built-in>/b.yaml", BASE, true),
        src("u.yaml", other, false),
    ]);
    assert!(
        e.len() == 1 && e[0].contains("also a title of role `cm`"),
        "{e:?}"
    );
}

#[test]
fn an_empty_posting_is_no_posting_and_the_job_ad_falls_back_to_the_summary() {
    let with = |posting: &str| {
        let text = BASE.replace("summary: s}", &format!("summary: s, posting: {posting}}}"));
        let catalog = Catalog::from_sources(&[src("base.yaml", &text, true)]).unwrap();
        catalog.role("cm").unwrap().posting.clone()
    };
    assert_eq!(with("\"\""), None);
    assert_eq!(with("\"  \\n \""), None);
    assert_eq!(
        with("\" You will run it. \""),
        Some(Text::from("You will run it."))
    );
}

#[test]
fn keywords_by_language_load_in_lower_case_and_need_a_language_code() {
    let user = "tasks:\n- id: t\n  title: T\n  role: cm\n  category: cm-welcome\n  hours: 1\n  why: w\n  \
                keywords_by_language:\n    es: [Dar la Bienvenida]\n";
    let catalog = Catalog::from_sources(&[
        src("<built-in>/b.yaml", BASE, true),
        src("u.yaml", user, false),
    ])
    .expect("loads");
    let task = catalog.task("t").expect("the task");
    let all: Vec<&str> = task.all_keywords().map(Text::as_str).collect();
    assert_eq!(all, ["dar la bienvenida"]);
    let wrong = user.replace("    es:", "    Spanish:");
    let e = errors(&[
        src("<built-in>/b.yaml", BASE, true),
        src("u.yaml", &wrong, false),
    ]);
    assert!(
        e.len() == 1 && e[0].starts_with("u.yaml:2:") && e[0].contains("expected a language code"),
        "{e:?}"
    );
}
