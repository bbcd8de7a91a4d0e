//! Every relative link in README.md, CONTRIBUTING.md and docs/*.md resolves: `[text](path)` to a
//! file or folder that exists, and `[text](path#anchor)` (or `[text](#anchor)`) to a heading of
//! that Markdown file, by GitHub's rules for heading anchors. Links to other sites are not
//! fetched. Text in code blocks and code spans is not read, as GitHub does not link it.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// The pages checked: README.md, CONTRIBUTING.md and every `*.md` directly under `docs/`.
fn doc_files(root: &Path) -> Vec<PathBuf> {
    let mut files = vec![root.join("README.md"), root.join("CONTRIBUTING.md")];
    let mut docs: Vec<PathBuf> = std::fs::read_dir(root.join("docs"))
        .expect("docs/ exists")
        .map(|e| e.expect("docs/ entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    docs.sort();
    files.extend(docs);
    files
}

/// Each line of `markdown`, or `None` for a line of a fenced code block (its fences included).
fn outside_fences(markdown: &str) -> Vec<Option<&str>> {
    let mut fence: Option<(char, usize)> = None;
    let mut out = Vec::new();
    for line in markdown.lines() {
        let trimmed = line.trim_start();
        let marker = trimmed.chars().next().filter(|c| *c == '`' || *c == '~');
        let run = marker.map_or(0, |c| trimmed.chars().take_while(|x| *x == c).count());
        match (fence, marker) {
            (None, Some(c)) if run >= 3 => {
                fence = Some((c, run));
                out.push(None);
            }
            (Some((c, n)), Some(m)) if m == c && run >= n && trimmed[run..].trim().is_empty() => {
                fence = None;
                out.push(None);
            }
            (Some(_), _) => out.push(None),
            (None, _) => out.push(Some(line)),
        }
    }
    out
}

/// The text GitHub renders as prose: fenced code blocks become blank lines (so line numbers
/// stay) and code spans are removed.
fn prose(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    for line in outside_fences(markdown) {
        out.push_str(line.unwrap_or(""));
        out.push('\n');
    }
    strip_code_spans(&out)
}

/// Removes code spans: a run of backticks up to the next run of the same length.
fn strip_code_spans(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let run_at = |i: usize| chars[i..].iter().take_while(|c| **c == '`').count();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        if chars[i] != '`' {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        let n = run_at(i);
        let mut j = i + n;
        let mut close = None;
        while j < chars.len() {
            if chars[j] == '`' {
                let m = run_at(j);
                if m == n {
                    close = Some(j + m);
                    break;
                }
                j += m;
            } else {
                j += 1;
            }
        }
        if let Some(end) = close {
            // Keep line breaks, so a link's line number is still right.
            out.extend(chars[i..end].iter().filter(|c| **c == '\n'));
            i = end;
        } else {
            out.extend(&chars[i..i + n]);
            i += n;
        }
    }
    out
}

/// The inline links of `prose`: (line, target) for each `[text](target)`, the text possibly
/// over several lines, images included.
fn links(prose: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    let mut i = 0;
    while let Some(off) = prose[i..].find("](") {
        let close = i + off;
        let start = close + 2;
        let Some(len) = prose[start..].find(')') else {
            break;
        };
        // The `]` must close a `[` earlier in the same paragraph.
        let before = &prose[..close];
        let paragraph = before.rfind("\n\n").map_or(0, |p| p + 2);
        if before[paragraph..].contains('[') {
            let target = prose[start..start + len]
                .split_whitespace()
                .next()
                .unwrap_or("");
            let line = prose[..close].matches('\n').count() + 1;
            found.push((line, target.to_owned()));
        }
        i = start + len;
    }
    found
}

/// GitHub's anchor for a heading's text: lower case, every character that is not a letter, a
/// digit, a space, `-` or `_` dropped, spaces turned into `-`. Links in the heading count by
/// their text.
fn slug(heading: &str) -> String {
    let mut text = String::new();
    let mut rest = heading;
    // `[text](url)` → `text`
    while let Some(open) = rest.find('[') {
        text.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let link = after
            .find("](")
            .and_then(|c| after[c..].find(')').map(|e| (c, c + e)));
        if let Some((c, e)) = link {
            text.push_str(&after[..c]);
            rest = &after[e + 1..];
        } else {
            text.push('[');
            rest = after;
        }
    }
    text.push_str(rest);
    text.trim()
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
            _ => None,
        })
        .collect()
}

/// The anchors of a Markdown file's headings, in order; a repeated one gets `-1`, `-2`, … as on
/// GitHub.
fn anchors(markdown: &str) -> Vec<String> {
    let mut seen: HashMap<String, usize> = HashMap::new();
    let mut out = Vec::new();
    for line in outside_fences(markdown).into_iter().flatten() {
        let hashes = line.chars().take_while(|c| *c == '#').count();
        if !(1..=6).contains(&hashes) || !line[hashes..].starts_with(' ') {
            continue;
        }
        let base = slug(line[hashes..].trim().trim_end_matches('#'));
        let n = seen.entry(base.clone()).or_insert(0);
        out.push(if *n == 0 {
            base.clone()
        } else {
            format!("{base}-{n}")
        });
        *n += 1;
    }
    out
}

/// Every broken link of `files`, as `file:line: target (why)`, paths shown relative to `root`.
fn broken_links(root: &Path, files: &[PathBuf]) -> Vec<String> {
    let mut broken = Vec::new();
    let shown = |p: &Path| p.strip_prefix(root).unwrap_or(p).display().to_string();
    for file in files {
        let text = std::fs::read_to_string(file).expect("a doc page reads");
        for (line, target) in links(&prose(&text)) {
            if target.contains("://") || target.starts_with("mailto:") {
                continue;
            }
            let (path, anchor) = match target.split_once('#') {
                Some((p, a)) => (p, Some(a)),
                None => (target.as_str(), None),
            };
            let resolved = if path.is_empty() {
                file.clone()
            } else {
                file.parent().expect("a page is in a folder").join(path)
            };
            let at = format!("{}:{line}: {target}", shown(file));
            if !resolved.exists() {
                broken.push(format!("{at} (no file {})", shown(&resolved)));
                continue;
            }
            let Some(anchor) = anchor else { continue };
            if resolved.extension().is_none_or(|e| e != "md") {
                broken.push(format!("{at} (an anchor into a file that is not Markdown)"));
                continue;
            }
            let page = std::fs::read_to_string(&resolved).expect("a linked page reads");
            if !anchors(&page).iter().any(|a| a == anchor) {
                broken.push(format!(
                    "{at} (no heading #{anchor} in {})",
                    shown(&resolved)
                ));
            }
        }
    }
    broken
}

#[test]
fn every_relative_link_in_the_docs_resolves() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let files = doc_files(root);
    assert!(
        files.len() >= 9,
        "README, CONTRIBUTING and the docs pages: {files:?}"
    );
    let broken = broken_links(root, &files);
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
}

#[test]
fn anchors_follow_githubs_rules() {
    assert_eq!(slug("Dependencies, and why"), "dependencies-and-why");
    assert_eq!(slug("JSON output of `offer`"), "json-output-of-offer");
    assert_eq!(
        slug(r#"What "community manager" means here"#),
        "what-community-manager-means-here"
    );
    assert_eq!(
        slug("Undo, saving and recovery copies"),
        "undo-saving-and-recovery-copies"
    );
    assert_eq!(
        slug("snake_case and kebab-case"),
        "snake_case-and-kebab-case"
    );
    assert_eq!(slug("See [Keys](view.md#keys) — Zoë"), "see-keys--zoë");
    assert_eq!(
        anchors("# A\n## A\n```\n# not a heading\n```\n### A\n"),
        ["a", "a-1", "a-2"]
    );
}

#[test]
fn broken_links_and_anchors_are_found() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let root = dir.path();
    std::fs::create_dir(root.join("docs")).expect("docs/");
    std::fs::write(
        root.join("docs/page.md"),
        "# Page\n\n## Speed of `offer`\n\n```\n## Inside a fence\n```\n",
    )
    .expect("page");
    let readme = "\
# Readme

[good](docs/page.md) and [good anchor](docs/page.md#speed-of-offer) and [self](#readme).
[missing file](docs/gone.md) and [missing anchor](docs/page.md#speed),
[fenced heading](docs/page.md#inside-a-fence), [a link over
two lines](#nowhere) and [outside](https://example.org/#x).

`[in a code span](nothing.md)` and

```
[in a fence](nothing.md)
```
";
    std::fs::write(root.join("README.md"), readme).expect("README");
    let broken = broken_links(root, &[root.join("README.md")]);
    assert_eq!(
        broken,
        [
            "README.md:4: docs/gone.md (no file docs/gone.md)",
            "README.md:4: docs/page.md#speed (no heading #speed in docs/page.md)",
            "README.md:5: docs/page.md#inside-a-fence (no heading #inside-a-fence in docs/page.md)",
            "README.md:6: #nowhere (no heading #nowhere in README.md)",
        ]
    );
}
