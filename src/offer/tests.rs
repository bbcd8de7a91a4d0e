//! Duty-line extraction on messy formats, title resolution, verdicts and re-judging.

use super::*;
use crate::finding::Rule;

fn setup() -> (Catalog, Reader) {
    let catalog = Catalog::builtin().unwrap();
    let reader = Reader::new(&catalog, MatchingConfig::builtin().unwrap()).unwrap();
    (catalog, reader)
}

fn duties(text: &str) -> Vec<String> {
    let (catalog, reader) = setup();
    reader
        .read(&catalog, text, &RoleHint::default())
        .lines
        .into_iter()
        .map(|l| l.text)
        .collect()
}

#[test]
fn strips_every_kind_of_bullet_and_number() {
    let text = "• one duty here\n· two duty here\n▪ three duty here\n– four duty here\n— five duty here\n\
                * six duty here\n- seven duty here\n1. eight duty here\n2) nine duty here\n\
                a) ten duty here\n(b) eleven duty here\n・ twelve duty here\n➢ thirteen duty here\n\
                iv. fourteen duty here\n+ fifteen duty here";
    let laid = sections::lay_out(text);
    let words = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve", "thirteen", "fourteen", "fifteen",
    ];
    assert_eq!(laid.len(), words.len(), "{laid:?}");
    for (line, w) in laid.iter().zip(words) {
        assert_eq!(line.text, format!("{w} duty here"));
        assert!(line.marked, "{line:?}");
    }
}

#[test]
fn decodes_html_remnants() {
    let text = "<h2>Responsibilities</h2><ul><li>Welcome new members &amp; answer their questions</li>\
                <li>Run meetups&nbsp;for members</li></ul>Host AMAs<br>Write the FAQ<br/>\
                <h3>Salary</h3><p>50k plus equity</p>";
    let laid: Vec<String> = sections::lay_out(text)
        .into_iter()
        .map(|l| l.text)
        .collect();
    assert_eq!(
        laid,
        [
            "Responsibilities",
            "Welcome new members & answer their questions",
            "Run meetups for members",
            "Host AMAs",
            "Write the FAQ",
            "Salary",
            "50k plus equity"
        ]
    );
    // The decoded "&" may join two duties (the reader cuts before a learned duty opener), but
    // no entity survives into a duty and the list's items are read as duties.
    let got = duties(text);
    assert!(got[0].starts_with("Welcome new members"), "{got:?}");
    assert!(
        got.iter().any(|d| d == "Run meetups for members"),
        "{got:?}"
    );
    assert!(
        !got.iter()
            .any(|d| d.contains("&amp;") || d.contains("nbsp")),
        "{got:?}"
    );
    assert!(!got.iter().any(|d| d.contains("50k")), "{got:?}");
    assert_eq!(
        extract::decode_html("a &#8226; b &#x2014; c &bogus; d < e"),
        "a • b — c &bogus; d < e"
    );
}

#[test]
fn follows_sections_and_ignores_requirements_and_benefits() {
    let (catalog, reader) = setup();
    let text = "Community Manager\n\nAbout us\nWe build tools for bakers and we love it.\n\n\
                What you'll do:\n- Moderate our Discord server\n- Host monthly community calls\n\n\
                Requirements\n- 3+ years of experience\n- Fluent English\n\nBenefits:\n- Remote work\n";
    let offer = reader.read(&catalog, text, &RoleHint::default());
    let lines: Vec<&str> = offer.lines.iter().map(|l| l.text.as_str()).collect();
    assert_eq!(
        lines,
        [
            "Moderate our Discord server",
            "Host monthly community calls"
        ]
    );
    assert_eq!(offer.title.as_deref(), Some("Community Manager"));
    for ignored in [
        "We build tools for bakers and we love it.",
        "3+ years of experience",
        "Remote work",
    ] {
        assert!(
            offer.ignored.iter().any(|l| l == ignored),
            "{ignored} not ignored: {:?}",
            offer.ignored
        );
    }
}

#[test]
fn bullets_without_headings_skip_requirement_lines() {
    // No heading says which bullets are duties: the lines' own words and shape decide.
    let got = duties(
        "We are a small coffee roaster in Lisbon and we love our customers.\n\
         - Schedule our Instagram posts and write the captions\n\
         - Reply to comments and DMs on the brand's accounts\n\
         - 2+ years of experience with Hootsuite\n\
         - Run monthly giveaways with our partners",
    );
    for duty in [
        "Schedule our Instagram posts",
        "Reply to comments and DMs on the brand's accounts",
        "Run monthly giveaways with our partners",
    ] {
        assert!(got.iter().any(|d| d == duty), "{duty}: {got:?}");
    }
    assert!(!got.iter().any(|d| d.contains("experience")), "{got:?}");
}

#[test]
fn requirement_words_inside_a_duty_do_not_drop_it() {
    // "responsible for", "knowledge of", "skills" inside a duty under a duty heading keep it a
    // duty; the same words opening the lines under "Who you are" make them requirements.
    let got = duties(
        "What you'll do:\n\
         - Produce content for the channels you are responsible for\n\
         - Give feedback on play tests with knowledge of community reactions\n\
         - Run skills training for community leaders\n\
         Who you are:\n\
         - You are a natural storyteller\n\
         - Knowledge of Discord bots\n\
         - Excellent written English\n\
         What we offer:\n\
         - Competitive salary and stock options",
    );
    assert_eq!(
        got,
        [
            "Produce content for the channels you are responsible for",
            "Give feedback on play tests with knowledge of community reactions",
            "Run skills training for community leaders",
        ]
    );
}

#[test]
fn semicolons_split_a_duty_line_and_each_duty_counts_once() {
    let (catalog, reader) = setup();
    let offer = reader.read(
        &catalog,
        "Responsibilities:\n\
         - Welcome new members in the forum\n\
         - Schedule posts on Instagram; reply to the brand's comments; track follower growth\n",
        &RoleHint::default(),
    );
    let lines: Vec<(&str, &str, f64)> = offer
        .lines
        .iter()
        .map(|l| (l.text.as_str(), l.source_text.as_str(), l.weight))
        .collect();
    let source =
        "Schedule posts on Instagram; reply to the brand's comments; track follower growth";
    assert_eq!(
        lines,
        [
            (
                "Welcome new members in the forum",
                "Welcome new members in the forum",
                1.0
            ),
            ("Schedule posts on Instagram", source, 1.0),
            ("reply to the brand's comments", source, 1.0),
            ("track follower growth", source, 1.0),
        ]
    );
}

#[test]
fn very_long_lines_and_inline_bullets_are_handled() {
    let (catalog, reader) = setup();
    let long = format!(
        "Moderate the forum {}",
        "and keep it friendly ".repeat(2_000)
    );
    let offer = reader.read(&catalog, &format!("{long}\n"), &RoleHint::default());
    // One line given alone is a duty; a run-on line gives at most a bounded number of them,
    // and none of its words is lost.
    assert!(!offer.lines.is_empty() && offer.lines.len() <= sections::MAX_DUTIES_PER_LINE);
    assert!(offer.lines.last().is_some_and(|l| l.text.len() > 10_000));
    let laid: Vec<String> =
        sections::lay_out("• Welcome new members • Run meetups • Write the guidelines")
            .into_iter()
            .map(|l| l.text)
            .collect();
    assert_eq!(
        laid,
        ["Welcome new members", "Run meetups", "Write the guidelines"]
    );
}

#[test]
fn titles_resolve_through_aliases_and_cores() {
    let (catalog, reader) = setup();
    let resolve = |t: &str| reader.titles.resolve(&catalog, t);
    assert_eq!(
        resolve("Community Manager"),
        TitleRoles::One("community-manager".into())
    );
    assert_eq!(
        resolve("social media lead"),
        TitleRoles::One("social-media-manager".into())
    );
    assert_eq!(
        resolve("Senior Game Community Manager"),
        TitleRoles::One("community-manager".into())
    );
    assert_eq!(
        resolve("Social Media Community Manager"),
        TitleRoles::Mixed(vec![
            "social-media-manager".into(),
            "community-manager".into()
        ])
    );
    assert_eq!(
        resolve("Community Manager (Social Media)"),
        TitleRoles::Mixed(vec![
            "community-manager".into(),
            "social-media-manager".into()
        ])
    );
    assert_eq!(resolve("Marketing Coordinator"), TitleRoles::None);
    // A duty that mentions the community is not a title line.
    assert!(!reader.titles.is_title_line(&catalog, "Grow the community"));
    assert!(
        reader
            .titles
            .is_title_line(&catalog, "Discord Community Manager")
    );
}

#[test]
fn the_title_picks_the_role_and_flags_win() {
    let (catalog, reader) = setup();
    let text = "Job title: Head of Social\n\nResponsibilities:\n\
                - Schedule posts on Instagram and TikTok\n- Run paid ads on Meta\n";
    let offer = reader.read(&catalog, text, &RoleHint::default());
    assert_eq!(
        offer.role,
        Some(RoleSpec::Single("social-media-manager".into()))
    );
    assert_eq!(offer.role_source, RoleSource::Title);
    let hint = RoleHint {
        role: Some("community-manager".into()),
        title: None,
        language: None,
        lines_are_duties: false,
    };
    let offer = reader.read(&catalog, text, &hint);
    assert_eq!(offer.role_source, RoleSource::Given);
    let offer = reader.read(
        &catalog,
        "Responsibilities:\n- Schedule posts on Instagram and TikTok\n- Run paid ads on Meta\n",
        &RoleHint::default(),
    );
    assert_eq!(
        (offer.role.clone(), offer.role_source),
        (None, RoleSource::Duties)
    );
    let j = judge(&catalog, &offer, &reader.config);
    assert_eq!(j.verdict, Verdict::Mostly("social-media-manager".into()));
    assert_eq!(
        j.plan.people[0].role,
        RoleSpec::Single("social-media-manager".into())
    );
}

#[test]
fn work_of_no_role_is_left_out_of_the_verdict() {
    // How sure the model must be is the bar's business (tested below); here, a line read as no
    // one's work, whatever the bar, stays out of the count.
    let catalog = Catalog::builtin().unwrap();
    let mut config = MatchingConfig::builtin().unwrap();
    config.reader.titled_line_neither_min = 0.4;
    let reader = Reader::new(&catalog, config).unwrap();
    let offer = reader.read(
        &catalog,
        "Community Manager\n\nResponsibilities:\n\
         - Fix bugs in the website code and deploy new releases\n\
         - Moderate our Discord server\n",
        &RoleHint::default(),
    );
    let code = &offer.lines[0];
    assert_eq!(
        code.reading.as_ref().map(|r| r.class.as_str()),
        Some(roles::NEITHER)
    );
    assert!(code.mapping.is_none());
    let j = judge(&catalog, &offer, &reader.config);
    assert!(
        (j.tally.counted() - 1.0).abs() < 1e-9,
        "{}",
        j.tally.counted()
    );
}

#[test]
fn a_titled_posting_needs_surer_odds_to_call_a_duty_no_ones_work() {
    let catalog = Catalog::builtin().unwrap();
    // The same line, read under a title that names a role and under one that does not.
    let class_of = |neither_min: f64, title: &str| {
        let mut config = MatchingConfig::builtin().unwrap();
        config.reader.titled_line_neither_min = neither_min;
        let reader = Reader::new(&catalog, config).unwrap();
        let offer = reader.read(
            &catalog,
            &format!(
                "{title}\n\nWhat you'll do:\n\
                 - Update the shop's inventory spreadsheet\n\
                 - Keep our Discord server friendly and welcome new members\n"
            ),
            &RoleHint::default(),
        );
        offer.lines[0].reading.as_ref().unwrap().class.clone()
    };
    assert_eq!(class_of(0.5, "Community Manager"), roles::NEITHER);
    assert_ne!(class_of(1.01, "Community Manager"), roles::NEITHER);
    // A title that names no role keeps the posting's bar.
    assert_eq!(class_of(1.01, "Office Assistant"), roles::NEITHER);
}

#[test]
fn the_relationship_decides_not_the_platform() {
    let (catalog, reader) = setup();
    let owner = |text: &str| {
        let m = reader.map_line(&catalog, text).unwrap();
        catalog.task(&m.task).unwrap().role.as_str().to_owned()
    };
    assert_eq!(
        owner("Moderate our Facebook group where members help each other"),
        "community-manager"
    );
    assert_eq!(
        owner("Reply to comments on the brand's Instagram posts"),
        "social-media-manager"
    );
    assert_eq!(
        owner("Grow our follower count on TikTok"),
        "social-media-manager"
    );
}

#[test]
fn judging_again_after_a_correction_changes_the_verdict() {
    let (catalog, reader) = setup();
    let text = "Community Manager\n- Schedule posts on Instagram\n- Write captions for the brand's posts\n- Welcome new members in the forum\n";
    let mut offer = reader.read(&catalog, text, &RoleHint::default());
    let before = judge(&catalog, &offer, &reader.config);
    assert_eq!(
        before.verdict,
        Verdict::Mostly("social-media-manager".into())
    );
    // The user corrects two mappings (say, the posts are in the members' forum).
    let choices = reader.candidates(
        &catalog,
        offer.lines[0].mapping.as_ref(),
        &offer.lines[0].text,
        5,
    );
    assert!(choices.len() > 1);
    for line in &mut offer.lines[..2] {
        line.mapping = Some(Mapping {
            task: "cm-discussion-prompts".into(),
            confidence: 1.0,
        });
    }
    let after = judge(&catalog, &offer, &reader.config);
    assert_eq!(after.verdict, Verdict::FitsTitle);
    // The plan lists each task once.
    assert_eq!(after.plan.people[0].tasks.len(), 2);
}

#[test]
fn headings_labels_and_requirements_inside_the_duties_are_not_duties() {
    let got = duties(
        "Community Manager\n\n\
         About the role\n\
         We're looking for someone who can build a real community around our app.\n\n\
         What you'll do\n\
         - Moderate our Discord server and enforce\n  the code of conduct\n\
         - Run the ambassador programme\n\
         - Excellent written English\n\n\
         What we're looking for\n\
         - You're comfortable speaking in front of 200 people\n\
         - Knowledge of Discord bots\n\n\
         Must have: your own laptop\n\
         Rate: €25/h\n",
    );
    // A hard-wrapped bullet is one duty.
    for duty in [
        "Moderate our Discord server and enforce the code of conduct",
        "Run the ambassador programme",
    ] {
        assert!(got.iter().any(|d| d == duty), "{duty}: {got:?}");
    }
    for not in ["English", "200 people", "Discord bots", "laptop", "25"] {
        assert!(!got.iter().any(|d| d.contains(not)), "{not}: {got:?}");
    }
}

#[test]
fn an_offer_written_as_an_email_is_read_sentence_by_sentence() {
    let (catalog, reader) = setup();
    let text = "Hi Sam,\n\n\
                Thanks for the call on Tuesday! We would be happy to have you as our Community \
                Manager for the spring season.\n\n\
                Most of the work is our Instagram: scheduling the posts and writing captions. \
                You would also reply to comments and DMs on the brand's account. Once a month \
                we run a giveaway.\n\n\
                The rate is €28/h for 12 hours a week.\n\n\
                Let me know what you think!\n\n\
                Kind regards,\nPriya Raman\nHead of Marketing";
    let offer = reader.read(&catalog, text, &RoleHint::default());
    assert_eq!(offer.title.as_deref(), Some("Community Manager"));
    let lines: Vec<&str> = offer.lines.iter().map(|l| l.text.as_str()).collect();
    // Sentence by sentence, and the sentence that lists two duties gives both.
    for duty in [
        "scheduling the posts",
        "writing captions.",
        "You would also reply to comments and DMs on the brand's account.",
    ] {
        assert!(lines.contains(&duty), "{duty}: {lines:?}");
    }
    // Every duty keeps the whole line it was cut from, sentence and all: what the user pasted.
    let source = "Most of the work is our Instagram: scheduling the posts and writing captions. \
                  You would also reply to comments and DMs on the brand's account. Once a month \
                  we run a giveaway.";
    for duty in [
        "scheduling the posts",
        "You would also reply to comments and DMs on the brand's account.",
    ] {
        let line = offer.lines.iter().find(|l| l.text == duty);
        assert_eq!(line.map(|l| l.source_text.as_str()), Some(source), "{duty}");
    }
    assert_eq!(offer.hours_per_week, Some(12.0));
    for ignored in [
        "Hi Sam,",
        "The rate is €28/h for 12 hours a week.",
        "Kind regards,",
        "Priya Raman",
        "Head of Marketing",
    ] {
        assert!(
            offer.ignored.iter().any(|i| i == ignored),
            "{ignored}: {:?}",
            offer.ignored
        );
    }
    let j = judge(&catalog, &offer, &reader.config);
    assert_eq!(j.verdict.id(), "mostly-social-media-manager");
}

#[test]
fn a_greeting_or_sign_off_is_never_a_duty_in_any_language() {
    let (catalog, reader) = setup();
    let offer = reader.read(
        &catalog,
        "Olá Ana,\n\
         - Moderar o grupo de WhatsApp dos sócios\n\
         - Publicar as fotos das corridas no Instagram\n\
         Com os melhores cumprimentos,\n",
        &RoleHint::default(),
    );
    for salutation in ["Olá Ana,", "Com os melhores cumprimentos,"] {
        assert!(
            !offer.lines.iter().any(|l| l.source_text == salutation),
            "{salutation}: {:?}",
            offer.lines
        );
    }
}

#[test]
fn a_spanish_community_manager_posting_reads_as_social_media_work() {
    // The Spanish and Latin American usage: "community manager" executes the social plan.
    let (catalog, reader) = setup();
    let text = "Community Manager\n\n\
                Funciones:\n\
                - Programar las publicaciones del calendario editorial\n\
                - Responder comentarios y mensajes directos de los seguidores\n\
                - Gestionar campañas de anuncios y su presupuesto\n\
                - Organizar sorteos en Instagram\n\n\
                Requisitos:\n\
                - 2 años de experiencia\n";
    let offer = reader.read(&catalog, text, &RoleHint::default());
    assert_eq!(offer.language, Language::Spanish);
    assert!(offer.lines.len() >= 3, "{:?}", offer.lines);
    assert!(!offer.lines.iter().any(|l| l.text.contains("experiencia")));
    for line in &offer.lines {
        let task = line.mapping.as_ref().map(|m| m.task.as_str());
        assert!(
            task.is_some_and(|t| t.starts_with("sm-")),
            "{}: {task:?}",
            line.text
        );
    }
    let j = judge(&catalog, &offer, &reader.config);
    assert_eq!(j.verdict.id(), "mostly-social-media-manager");
}

#[test]
fn volunteers_named_beside_a_duty_are_members_not_colleagues() {
    let (catalog, reader) = setup();
    let with_volunteers = reader
        .map_line(
            &catalog,
            "Look after our forums together with our volunteer moderator team",
        )
        .unwrap();
    assert!(
        with_volunteers.task.starts_with("cm-"),
        "{with_volunteers:?}"
    );
}

#[test]
fn the_title_leaves_the_company_and_place_behind() {
    let (catalog, reader) = setup();
    let title = |text: &str| reader.read(&catalog, text, &RoleHint::default()).title;
    assert_eq!(
        title("Community Manager – Agencia Kreativa (Madrid)\n- Moderate the forum").as_deref(),
        Some("Community Manager")
    );
    assert_eq!(
        title("Social Media Lead | Acme Corp\n- Schedule posts").as_deref(),
        Some("Social Media Lead")
    );
    // Cut only where the rest does not change the roles named: a mixed title stays whole.
    assert_eq!(
        title("Community Manager - Social Media\n- Schedule posts").as_deref(),
        Some("Community Manager - Social Media")
    );
    // Markers go, also from a "Job title: X" line.
    assert_eq!(
        title("Community Manager (m/f/d)\n- Moderate the forum").as_deref(),
        Some("Community Manager")
    );
    assert_eq!(
        title("Job title: Community Manager (H/F) - Lyon\n- Moderate the forum").as_deref(),
        Some("Community Manager")
    );
}

#[test]
fn a_heading_above_the_title_is_not_taken_for_it() {
    let (catalog, reader) = setup();
    let read = |text: &str| reader.read(&catalog, text, &RoleHint::default());
    // A paste that opens with a page's heading: the title is the role the sentence names.
    let offer = read(
        "Company\n\nAcme Games is looking for an experienced Community Manager to join our \
         small team.\n\nResponsibilities\n- Welcome new members to our Discord server\n\
         - Run our monthly online meetups\n- Keep the forum guidelines\n",
    );
    assert_eq!(offer.title.as_deref(), Some("Community Manager"));
    assert_eq!(offer.title_reading, Some(TitleReading::Alias));
    // A first line that is a job title (a rank word) stays the title, though it names
    // neither role: the posting is judged against the role its duties fit.
    let offer = read(
        "Marketing Executive\n\nWe are looking for a Social Media Manager to help our \
         team.\n\nResponsibilities\n- Plan and publish posts on Instagram\n\
         - Reply to comments on our accounts\n",
    );
    assert_eq!(offer.title.as_deref(), Some("Marketing Executive"));
    assert_eq!(offer.title_reading, None);
    // A role the text only mentions is no title: "Developer Advocate" stays.
    let offer = read(
        "Developer Advocate\n\nYou will report to our Social Media Manager.\n\n\
         Responsibilities\n- Write tutorials for our API\n- Speak at developer conferences\n",
    );
    assert_eq!(offer.title.as_deref(), Some("Developer Advocate"));
    // With no lead-in, a ranked line just below is the title, less what follows its comma.
    let offer = read(
        "Careers\nTrust and Safety Specialist, Lisbon office (contract)\nYou keep our chat \
         rooms friendly and safe.\n- Remove spam and enforce the chat rules\n\
         - Welcome new members\n",
    );
    assert_eq!(offer.title.as_deref(), Some("Trust and Safety Specialist"));
    // A menu line the role model reads as a role by its words gives way to a ranked line below.
    let offer = read(
        "Home\nMarketing Coordinator\n- Welcome new members to our Discord\n\
         - Moderate the forum\n",
    );
    assert_eq!(offer.title.as_deref(), Some("Marketing Coordinator"));
    // An e-mail's subject that names no role but reads as one by its words gives way to the
    // role the e-mail says it is looking for.
    let offer = read(
        "Asunto: Propuesta de colaboración\n\nHola Lucía:\n\nBuscamos una community manager \
         para llevar nuestras redes sociales.\n\nUn saludo,\nCarmen\n",
    );
    assert_eq!(offer.title.as_deref(), Some("community manager"));
    // A role given with `--role` does not change which line is the title.
    let with_role = RoleHint {
        role: Some("social-media-manager".to_owned()),
        ..RoleHint::default()
    };
    let offer = reader.read(
        &catalog,
        "Company\n\nAcme Games is looking for an experienced Community Manager to join our \
         small team.\n\nResponsibilities\n- Welcome new members to our Discord server\n",
        &with_role,
    );
    assert_eq!(offer.title.as_deref(), Some("Community Manager"));
}

#[test]
fn the_hours_a_posting_offers_become_the_capacity() {
    let (catalog, reader) = setup();
    let hours = |text: &str| {
        reader
            .read(&catalog, text, &RoleHint::default())
            .hours_per_week
    };
    assert_eq!(
        hours("Community Manager (freelance, 20h/week)\n- Moderate the forum"),
        Some(20.0)
    );
    assert_eq!(
        hours("- Moderate the forum\nAbout 15 hours a week, remote"),
        Some(15.0)
    );
    assert_eq!(hours("- Moderar el foro\n12,5 horas semanales"), Some(12.5));
    // A range gives its upper end, as the extractor's doc says.
    assert_eq!(
        hours("- Moderate the forum\n15–20 hours per week"),
        Some(20.0)
    );
    assert_eq!(
        hours("- Reply within 2 hours\n- Publish 4 posts per week"),
        None
    );
    assert_eq!(
        hours("- Moderate the forum\n- 500 hours a week of videos"),
        None
    );
    // Hours a day are five days' worth; hours a month a twelfth of 52 weeks.
    assert_eq!(
        hours("Community Manager (part-time, 4 hours a day)\n- Moderate the forum"),
        Some(20.0)
    );
    assert_eq!(
        hours("Social Media Manager, 60 horas mensuales\n- Programar publicaciones"),
        Some(13.8)
    );
    assert_eq!(hours("- Animer le forum\n3 heures par jour"), Some(15.0));

    // Duties that typically take more than the offered week show as over-capacity.
    let text = "Community Manager (6 h per week)\n\
                - Moderate our Discord server\n- Run the ambassador programme\n\
                - Organise monthly meetups\n- Welcome every new member";
    let offer = reader.read(&catalog, text, &RoleHint::default());
    let j = judge(&catalog, &offer, &reader.config);
    assert_eq!(j.plan.people[0].capacity, 6.0);
    assert!(
        j.analysis
            .findings
            .iter()
            .any(|f| f.rule == Rule::OverCapacity),
        "{:?}",
        j.analysis.findings
    );
    let without = reader.read(
        &catalog,
        &text.replace(" (6 h per week)", ""),
        &RoleHint::default(),
    );
    let j = judge(&catalog, &without, &reader.config);
    assert!(
        !j.analysis
            .findings
            .iter()
            .any(|f| f.rule == Rule::OverCapacity)
    );
}

#[test]
fn and_followed_by_a_duty_verb_starts_a_second_duty() {
    let (catalog, reader) = setup();
    let offer = reader.read(
        &catalog,
        "- Grow our follower base and promote our events\n\
         - Collect feedback from power users and bring it to the product team\n\
         - Plan and publish content",
        &RoleHint::default(),
    );
    let got: Vec<(&str, f64)> = offer
        .lines
        .iter()
        .map(|l| (l.text.as_str(), l.weight))
        .collect();
    assert_eq!(
        got,
        [
            // Each duty of a line that lists two counts as one duty.
            ("Grow our follower base", 1.0),
            ("promote our events", 1.0),
            // "bring" continues the duty; "Plan and publish" is one verb pair, too short to split.
            (
                "Collect feedback from power users and bring it to the product team",
                1.0
            ),
            ("Plan and publish content", 1.0),
        ]
    );
}

#[test]
fn verbs_in_a_series_share_their_object_and_stay_one_duty() {
    assert_eq!(
        duties(
            "- You will help write, schedule, and manage our social media profiles\n\
             - Plan and schedule posts, reply to comments, and grow our followers"
        ),
        [
            "You will help write, schedule, and manage our social media profiles",
            "Plan and schedule posts",
            "reply to comments",
            "grow our followers",
        ]
    );
}

/// A posting's verdict, its sentence, and the Markdown reply to it.
fn judged_text(catalog: &Catalog, reader: &Reader, text: &str) -> (Verdict, String, String) {
    let offer = reader.read(catalog, text, &RoleHint::default());
    let j = judge(catalog, &offer, &reader.config);
    let sentence = crate::report::verdict_sentence(&offer, &j, catalog);
    let reply = crate::report::render_offer_reply(
        crate::report::ReportFormat::Markdown,
        catalog,
        &offer,
        &j,
        "offer.txt",
    );
    (j.verdict, sentence, reply)
}

#[test]
fn one_duty_can_confirm_a_title_but_not_overrule_it() {
    let (catalog, reader) = setup();
    let judged = |text: &str| {
        let (verdict, sentence, _) = judged_text(&catalog, &reader, text);
        (verdict, sentence)
    };
    let (v, s) = judged("Community Manager\n\n- Moderate our Discord server and its channels\n");
    assert_eq!(v, Verdict::FitsTitle);
    assert_eq!(
        s,
        "Titled Community Manager, and the one duty that belongs to one role is Community \
         Manager work."
    );
    let (v, s) = judged("Community Manager\n\n- Schedule our Instagram posts every week\n");
    assert_eq!(v, Verdict::Unclear);
    assert_eq!(s, "Too little to judge: only one duty line was found.");
    // With no title there is nothing to confirm.
    let (v, _) = judged("- Moderate our Discord server and its channels\n- \n");
    assert_eq!(v, Verdict::Unclear);
    let (v, s) = judged("Community Manager\n\nWe need help.\n");
    assert_eq!(v, Verdict::Unclear);
    assert_eq!(s, "Too little to judge: no duty lines were found.");
}

#[test]
fn a_title_naming_both_roles_is_a_hybrid_when_the_duties_hold_both() {
    let (catalog, reader) = setup();
    let judged = |text: &str| {
        let (verdict, sentence, reply) = judged_text(&catalog, &reader, text);
        // The reply to a hybrid the title names says the duties match it.
        if verdict == Verdict::Hybrid {
            assert!(
                reply.contains("So the duties match the title: a real mix of"),
                "{reply}"
            );
        }
        (verdict, sentence)
    };
    // Four community duties and one social one: still the hybrid the title announces.
    let (v, s) = judged(
        "Community & Social Media Manager\n\nWhat you'll do:\n\
         - Welcome new members in our Discord server\n\
         - Moderate the forum and keep its guidelines\n\
         - Organise monthly meetups for our users\n\
         - Run the ambassador programme\n\
         - Schedule our Instagram posts every week\n",
    );
    assert_eq!(v, Verdict::Hybrid);
    assert!(
        s.starts_with("Titled as a mix of Community Manager and Social Media Manager, and the duties are that mix:"),
        "{s}"
    );
    // Only one side's work: mostly that side, whatever the title promises.
    let (v, _) = judged(
        "Community & Social Media Manager\n\nWhat you'll do:\n\
         - Schedule our Instagram posts every week\n\
         - Grow our follower count on LinkedIn\n\
         - Run paid ads on Instagram\n",
    );
    assert_eq!(v, Verdict::Mostly("social-media-manager".into()));
}

#[test]
fn a_third_role_leading_a_mixed_title_is_no_mix_the_title_announces() {
    let mut sources = crate::catalog::builtin_sources();
    sources.push(crate::catalog::CatalogSource {
        origin: crate::catalog::Text::from("developer-advocate.yaml".to_owned()),
        text: std::fs::read_to_string(
            std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/fixtures/developer-advocate.yaml"),
        )
        .unwrap()
        .into(),
        builtin: false,
        compact: None,
    });
    let catalog = Catalog::from_sources(&sources).unwrap();
    let config = MatchingConfig::builtin().unwrap();
    let slot = |id: &str| catalog.role_position(id).unwrap();
    let titled = RoleSpec::Hybrid(vec![
        ("community-manager".into(), 0.5),
        ("social-media-manager".into(), 0.5),
    ]);
    let tally_of = |community: f64, social: f64, third: f64| {
        let mut by_slot = vec![0.0; catalog.shared_slot() + 1];
        by_slot[slot("community-manager")] = community;
        by_slot[slot("social-media-manager")] = social;
        by_slot[slot("developer-advocate")] = third;
        Tally {
            by_slot,
            unmatched: 0.0,
        }
    };
    let judged = |tally: &Tally| {
        let v = super::verdict::verdict(&catalog, Some(&titled), tally, &config.verdict);
        let named = super::verdict::named_slots(&catalog, Some(&titled));
        let as_titled = super::verdict::titled_hybrid(&named, tally, &v);
        (v, as_titled)
    };
    // The third role dominates: mostly its work.
    assert_eq!(
        judged(&tally_of(1.0, 1.0, 10.0)),
        (Verdict::Mostly("developer-advocate".into()), false)
    );
    // It leads without dominating: a hybrid, but not the one the title announces.
    assert_eq!(judged(&tally_of(2.0, 2.0, 3.0)), (Verdict::Hybrid, false));
    // The named roles lead and each has work: the titled hybrid.
    assert_eq!(judged(&tally_of(3.0, 2.0, 1.0)), (Verdict::Hybrid, true));
    // One named role has no line: not the titled mix.
    assert_eq!(judged(&tally_of(0.0, 2.0, 2.0)), (Verdict::Hybrid, false));
}

#[test]
fn the_posting_tips_which_role_not_whether_a_duty_is_shared_work() {
    let (catalog, reader) = setup();
    let offer = reader.read(
        &catalog,
        "Community Manager\n\nWhat you'll do:\n\
         - Welcome new members in our Discord server\n\
         - Moderate the forum and keep its guidelines\n\
         - Organise monthly meetups for our members\n\
         - Run the ambassador programme\n\
         - Report monthly on engagement across the forum and Instagram\n",
        &RoleHint::default(),
    );
    let report = offer
        .lines
        .iter()
        .find(|l| l.text.contains("engagement"))
        .unwrap();
    assert_eq!(
        report.reading.as_ref().map(|r| r.class.as_str()),
        Some(crate::catalog::SHARED),
        "{report:?}"
    );
}

/// The role each duty of `text` is read as, given alone with `--role community-manager`.
fn roles_given(text: &str) -> Vec<(String, String)> {
    let (catalog, reader) = setup();
    let hint = RoleHint {
        role: Some("community-manager".into()),
        ..RoleHint::default()
    };
    reader
        .read(&catalog, text, &hint)
        .lines
        .into_iter()
        .map(|l| {
            let class = l.reading.map_or_else(String::new, |r| r.class);
            (l.text, class)
        })
        .collect()
}

#[test]
fn the_duties_one_given_line_lists_are_read_with_each_other() {
    // "Engage with people" is a close call alone; the duties beside it on its line say which
    // work it is, as a posting's other duties do.
    let with_members =
        roles_given("Engage with people, welcome new members to the forum and run meetups\n");
    // (How the rest is cut, "welcome … and run meetups" whole or in two, is the learned
    // section model's call; the pieces are read with each other either way.)
    assert!(with_members.len() >= 2, "{with_members:?}");
    assert_eq!(with_members[0].0, "Engage with people");
    assert_eq!(with_members[0].1, "community-manager", "{with_members:?}");
    let with_posts = roles_given(
        "Engage with people, write captions for Instagram and schedule posts on TikTok\n",
    );
    assert_eq!(with_posts[0].0, "Engage with people");
    assert_eq!(with_posts[0].1, "social-media-manager", "{with_posts:?}");
    // The reading says what tipped it: the rest of its line, not of a posting.
    let (catalog, reader) = setup();
    let hint = RoleHint {
        role: Some("community-manager".into()),
        ..RoleHint::default()
    };
    let offer = reader.read(
        &catalog,
        "Engage with people, welcome new members to the forum and run meetups\n",
        &hint,
    );
    let reading = offer.lines[0].reading.clone().unwrap();
    assert_eq!(reading.by, roles::Reading::ModelInLine);
    assert!(
        reading.because().ends_with("and the rest of its line"),
        "{}",
        reading.because()
    );
}

#[test]
fn company_and_benefit_text_pasted_as_one_line_gives_no_duty() {
    // Reading every sentence of a one-line paragraph as a duty when none reads as one was
    // tried: it read 222 more such corpus lines as holding a duty, to rescue 26 duty lines.
    let read = roles_given(
        "Acme is a Berlin startup that builds tools for bakeries. We have 40 employees in \
         three countries. We offer 30 days of paid leave and a yearly learning budget.\n",
    );
    assert!(read.is_empty(), "{read:?}");
}

#[test]
fn the_posting_does_not_overrule_a_duty_its_words_make_clear() {
    // Two headings that say when, not which work: the social duty under each stays social
    // though most of the posting, and of its heading, is community work.
    let (catalog, reader) = setup();
    let offer = reader.read(
        &catalog,
        "Community Manager\n\nDaily:\n- Welcome new members in our Discord server\n\
         - Moderate the forum\n- Schedule posts on TikTok\n\nWeekly:\n\
         - Run a meetup for members\n- Answer questions in the forum\n\
         - Reply to comments on Instagram\n",
        &RoleHint::default(),
    );
    let role = |duty: &str| {
        let line = offer.lines.iter().find(|l| l.text == duty).unwrap();
        line.reading
            .as_ref()
            .map(|r| r.class.clone())
            .unwrap_or_default()
    };
    assert_eq!(role("Schedule posts on TikTok"), "social-media-manager");
    assert_eq!(
        role("Reply to comments on Instagram"),
        "social-media-manager"
    );
    assert_eq!(role("Moderate the forum"), "community-manager");
}

/// A long posting (the helper's stages share its lines) with a title, a blurb and hours.
fn long_posting() -> String {
    let mut text = String::from(
        "Community Manager (20h/week)\nWe are a small co-operative bakery.\nWhat you'll do:\n",
    );
    for i in 0..40 {
        let duty = if i % 2 == 0 {
            "Welcome new members to our forum and answer their questions"
        } else {
            "Schedule posts on our Instagram account and reply to comments"
        };
        text.push_str("- ");
        text.push_str(duty);
        text.push_str(" (item ");
        text.push_str(&i.to_string());
        text.push(')');
        text.push('\n');
    }
    text.push_str("Pay: 25 EUR/hour\n");
    text
}

#[test]
fn an_early_read_reads_as_a_read_with_or_without_its_helper() {
    let (catalog, _) = setup();
    let text = long_posting();
    let hint = RoleHint::default();
    // A fresh reader each time: a first read does the side tasks too.
    let fresh = || Reader::new(&catalog, MatchingConfig::builtin().unwrap()).unwrap();
    let want = fresh().read(&catalog, &text, &hint);
    assert!(want.lines.len() >= 40, "{} duties", want.lines.len());
    for with_helper in [true, false] {
        let reader = fresh();
        let layout = Layout::default();
        let early = EarlyRead::default();
        let got = early.with_helper(with_helper, || {
            early.read(&layout, &reader, &catalog, &text, &hint)
        });
        assert_eq!(got, want, "helper {with_helper}");
    }
}

#[test]
fn an_early_helper_leaves_when_the_command_fails_before_reading() {
    let early = EarlyRead::default();
    // This returns only when the helper has returned.
    early.with_helper(true, || ());
}

#[test]
fn a_list_that_lost_its_bullets_is_read_as_the_list_it_was() {
    // Copied from a web page, a list loses its bullets; its short lines read like headings.
    let lists: [(&str, &[&str]); 2] = [
        (
            "Community Manager",
            &[
                "Welcome new members to our forum",
                "Organise monthly meetups for users",
                "Run the ambassador programme",
                "Collect member feedback for the product team",
                "Schedule posts on Instagram",
            ],
        ),
        (
            "Community Manager",
            &[
                "Bienvenida a los nuevos miembros del foro",
                "Organizar encuentros mensuales",
                "Coordinar el programa de embajadores",
                "Recoger las opiniones de los miembros",
                "Publicar en Instagram",
            ],
        ),
    ];
    // Without the second reading, two of the English lines and none of the Spanish ones were
    // read as duties. A line the model still takes for a heading at even odds or more stays
    // one ("Run the ambassador programme", 51%).
    for (title, items) in lists {
        let bare = duties(&format!("{title}\n\n{}\n", items.join("\n")));
        assert!(bare.len() + 1 >= items.len(), "{title}: {bare:?}");
        assert!(bare.iter().all(|d| items.contains(&d.as_str())), "{bare:?}");
    }
}

/// A laid-out line of the given text and shape, for [`sections::SectionReader::bare_list`].
fn laid(text: &str, marked: bool) -> sections::LaidLine {
    sections::LaidLine {
        text: text.to_owned(),
        source_text: text.to_owned(),
        source: 0,
        marked,
        heading_like: false,
        sentence: false,
    }
}

#[test]
fn a_run_of_plain_lines_that_is_most_of_the_text_is_a_bare_list() {
    let (_, reader) = setup();
    let sections = reader.sections();
    let classes = sections.classes();
    // Each line's reading: its class, most likely at `p`, the rest shared out.
    let row = |class: &str, p: f64| -> Vec<f64> {
        let at = classes.iter().position(|c| c == class).unwrap();
        #[allow(clippy::cast_precision_loss)]
        let rest = (1.0 - p) / (classes.len() - 1) as f64;
        (0..classes.len())
            .map(|c| if c == at { p } else { rest })
            .collect()
    };
    let bare = |readings: &[(&str, f64)], marked: Option<usize>| {
        let lines: Vec<_> = (0..readings.len())
            .map(|i| laid(&format!("line {i}"), marked == Some(i)))
            .collect();
        let p: Vec<Vec<f64>> = readings.iter().map(|&(c, p)| row(c, p)).collect();
        sections.bare_list(&lines, &p)
    };
    let (title, duty, item_heading, other) = (
        ("title", 0.9),
        ("duty", 0.6),
        ("heading", 0.4),
        ("other", 0.4),
    );
    // Items read as duties, as headings by their shape, or as stray text.
    let list = [title, item_heading, duty, item_heading, other, duty];
    assert_eq!(bare(&list, None), [1, 2, 3, 4, 5]);
    // A text that marks its lists marks them all.
    assert!(bare(&list, Some(0)).is_empty());
    // A line surely read as a heading stays one: the list's own, and the next section's.
    let heading = ("heading", 0.8);
    let headed = [
        title,
        heading,
        duty,
        item_heading,
        duty,
        item_heading,
        duty,
        heading,
        ("requirement", 0.8),
    ];
    assert_eq!(bare(&headed, None), [2, 3, 4, 5, 6]);
    // Two lines are as often a heading and its line.
    assert!(bare(&[title, item_heading, duty], None).is_empty());
    // A run in a longer text is as often headings and field labels: under half of it, no list.
    let blurb = ("blurb", 0.8);
    let in_a_posting = [
        title,
        blurb,
        blurb,
        blurb,
        item_heading,
        duty,
        item_heading,
        ("requirement", 0.8),
    ];
    assert!(bare(&in_a_posting, None).is_empty());
}

#[test]
fn a_heading_amid_a_bare_list_stays_a_heading() {
    // Written for this test: the duties, then the requirements, all without bullets.
    let text = "Community Manager
                O que você vai fazer
                Gerenciar o grupo de clientes no WhatsApp
                Receber os novos membros da comunidade
                Organizar encontros mensais com os membros
                Levar as sugestões dos membros para a equipe de produto
                Requisitos
                Boa comunicação escrita
                Experiência com comunidades online
";
    let found = duties(text);
    assert!(found.len() >= 4, "{found:?}");
    for not_a_duty in ["O que você vai fazer", "Requisitos"] {
        assert!(!found.iter().any(|d| d == not_a_duty), "{found:?}");
    }
}
