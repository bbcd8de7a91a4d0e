//! Facts a posting states besides its duties: the pay ("Rate: 25 EUR/hour", "$55,000 - $70,000
//! per year", "R$ 2.500,00 mensais"), the place of work ("Location: Madrid", "Remote") and the
//! working time ("Part-time", "media jornada", "temps partiel", "meio período").
//!
//! Pure text work on one line at a time; every word it knows (currencies, periods, labels,
//! schedules) comes from the `facts:` section of `data/matching.yaml`. A line that states the
//! pay, or only the working time, is never a duty: [`Facts::is_fact_line`] says so to the duty
//! extractor.

use rustc_hash::FxHashSet;

use serde::Serialize;

use super::config::MatchingConfig;

mod keys;
use keys::FirstKeys;

/// How often an amount is paid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Period {
    Hour,
    Day,
    Week,
    Month,
    Year,
}

impl Period {
    pub fn as_str(self) -> &'static str {
        match self {
            Period::Hour => "hour",
            Period::Day => "day",
            Period::Week => "week",
            Period::Month => "month",
            Period::Year => "year",
        }
    }

    fn parse(id: &str) -> Option<Period> {
        Some(match id {
            "hour" => Period::Hour,
            "day" => Period::Day,
            "week" => Period::Week,
            "month" => Period::Month,
            "year" => Period::Year,
            _ => return None,
        })
    }
}

/// The working time a posting offers. Hours a week are a separate fact
/// ([`super::Offer::hours_per_week`]): "part-time" alone gives no number, and none is made up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Schedule {
    PartTime,
    FullTime,
}

impl Schedule {
    pub fn as_str(self) -> &'static str {
        match self {
            Schedule::PartTime => "part-time",
            Schedule::FullTime => "full-time",
        }
    }

    fn parse(id: &str) -> Option<Schedule> {
        Some(match id {
            "part-time" => Schedule::PartTime,
            "full-time" => Schedule::FullTime,
            _ => return None,
        })
    }
}

impl std::fmt::Display for Schedule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The pay a posting offers, as one line states it.
#[derive(Debug, Clone, PartialEq)]
pub struct Pay {
    /// The words that state it, as written ("25 EUR/hour").
    pub text: String,
    /// The amount, or the low end of a range.
    pub min: f64,
    /// The amount, or the high end of a range (equal to `min` for one amount).
    pub max: f64,
    /// The currency's code ("EUR"), as `facts.currencies` names it.
    pub currency: String,
    /// `None` when the line names no period ("Salary: €40,000").
    pub per: Option<Period>,
}

impl std::fmt::Display for Pay {
    /// "25 EUR/hour", "55,000–70,000 USD/year".
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", amount(self.min))?;
        if self.max > self.min {
            write!(f, "–{}", amount(self.max))?;
        }
        write!(f, " {}", self.currency)?;
        if let Some(p) = self.per {
            write!(f, "/{}", p.as_str())?;
        }
        Ok(())
    }
}

/// "25", "12.50", "55,000".
fn amount(v: f64) -> String {
    if (v - v.round()).abs() >= 0.005 {
        return format!("{v:.2}");
    }
    let digits = format!("{}", v.round() as i64);
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A token of a line: a number (its value), a word or a sign, with where it stands.
#[derive(Debug, Clone)]
struct Token {
    /// Lower-cased word, the sign, or the number as written.
    key: String,
    number: Option<f64>,
    start: usize,
    end: usize,
}

impl Token {
    /// Whether the token is a word (has a letter), not a number or a sign.
    fn is_word(&self) -> bool {
        self.key.chars().any(char::is_alphabetic)
    }
}

/// A phrase as tokens, compared with a line's tokens.
type Phrase = Vec<String>;

/// The facts reader: the `facts:` word lists, tokenised once.
#[derive(Debug, Clone, Default)]
pub struct Facts {
    /// (phrase, currency code), longest first.
    currencies: Vec<(Phrase, String)>,
    /// (phrase, period), longest first.
    periods: Vec<(Phrase, Period)>,
    pay_labels: Vec<Phrase>,
    not_pay: Vec<Phrase>,
    joiners: Vec<Phrase>,
    place_labels: Vec<Phrase>,
    /// (phrase, mode id), longest first.
    modes: Vec<(Phrase, String)>,
    /// (phrase, schedule), longest first.
    schedules: Vec<(Phrase, Schedule)>,
    /// The words a line that states only facts may hold besides its schedule: hours and
    /// periods, contract markers, places and modes of work, small words, and
    /// `facts.schedule_companions`.
    fact_words: FxHashSet<String>,
    /// What a currency, a schedule and (at a line's first word) a mode of work start with: a
    /// line with none of them is passed over before it is cut into tokens.
    currency_keys: FirstKeys,
    schedule_keys: FirstKeys,
    mode_keys: FirstKeys,
}

/// A label before a ":" of at most this many words ("Tipo de jornada:") is left out when a
/// line is checked for stating only facts.
const FACT_LABEL_WORDS: usize = 3;

/// How many tokens after an amount its period may stand ("€ brutos al mes").
const PERIOD_REACH: usize = 3;

impl Facts {
    pub fn new(config: &MatchingConfig) -> Facts {
        let c = &config.facts;
        let phrases = |list: &[String]| -> Vec<Phrase> {
            let mut out: Vec<Phrase> = list
                .iter()
                .map(|s| tokens(s).into_iter().map(|t| t.key).collect::<Phrase>())
                .filter(|p| !p.is_empty())
                .collect();
            out.sort_by_key(|p| std::cmp::Reverse(p.len()));
            out
        };
        let tagged = |map: &std::collections::BTreeMap<String, Vec<String>>| {
            let mut out: Vec<(Phrase, String)> = map
                .iter()
                .flat_map(|(id, list)| phrases(list).into_iter().map(|p| (p, id.clone())))
                .collect();
            out.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
            out
        };
        let mut fact_words: FxHashSet<String> = FxHashSet::default();
        let h = &config.hours_per_week;
        let lists = [
            &c.schedule_companions,
            &config.stopwords,
            &config.titles.markers,
            &h.units,
            &h.weeks,
            &h.days,
            &h.months,
        ];
        let mapped = [&c.schedules, &c.periods, &c.work_modes];
        for list in lists
            .into_iter()
            .chain(mapped.into_iter().flat_map(|m| m.values()))
        {
            for phrase in list {
                fact_words.extend(
                    tokens(phrase)
                        .into_iter()
                        .filter(Token::is_word)
                        .map(|t| t.key),
                );
            }
        }
        let schedules: Vec<(Phrase, Schedule)> = tagged(&c.schedules)
            .into_iter()
            .filter_map(|(p, id)| Schedule::parse(&id).map(|s| (p, s)))
            .collect();
        let currencies = tagged(&c.currencies);
        let modes = tagged(&c.work_modes);
        Facts {
            currency_keys: FirstKeys::new(currencies.iter().map(|(p, _)| p)),
            schedule_keys: FirstKeys::new(schedules.iter().map(|(p, _)| p)),
            mode_keys: FirstKeys::of_words(modes.iter().map(|(p, _)| p)),
            schedules,
            fact_words,
            currencies,
            periods: tagged(&c.periods)
                .into_iter()
                .filter_map(|(p, id)| Period::parse(&id).map(|per| (p, per)))
                .collect(),
            pay_labels: phrases(&c.pay_labels),
            not_pay: phrases(&c.not_pay),
            joiners: phrases(&c.range_joiners),
            place_labels: phrases(&c.place_labels),
            modes,
        }
    }

    /// The pay `line` states, if it states one: an amount or a range with a currency next to
    /// it, and a period right after it ("25 EUR/hour", "1.800 € brutos al mes") or before it
    /// in the line's label ("Hourly rate: $25"), or a pay label anywhere ("Salary: €40,000").
    /// Numbers without a currency ("3+ years", "20h/week") are no pay, and neither is money
    /// named as something else ("a $10,000 monthly ad budget").
    pub fn pay_in(&self, line: &str) -> Option<Pay> {
        // No pay without a number and a currency beside it.
        if !line.chars().any(|c| c.is_ascii_digit()) || !self.currency_keys.in_line(line) {
            return None;
        }
        let toks = tokens(line);
        if (0..toks.len()).any(|i| any_at(&self.not_pay, &toks, i).is_some()) {
            return None;
        }
        let (start, min, mut max, currency, mut end) = (0..toks.len()).find_map(|i| {
            let (lo, cur, j) = self.money(&toks, i)?;
            // A range: "$55,000 - $70,000", "de 1.800 a 2.200 €".
            let range = any_at(&self.joiners, &toks, j)
                .and_then(|n| self.money(&toks, j + n))
                .filter(|(hi, _, _)| *hi > lo);
            let (hi, cur, j) = match range {
                Some((hi, cur2, k)) => (hi, cur.or(cur2), k),
                None => (lo, cur, j),
            };
            Some((i, lo, hi, cur?, j))
        })?;
        if max < min {
            max = min;
        }
        let mut per = None;
        for k in end..(end + PERIOD_REACH + 1).min(toks.len()) {
            if toks[k].number.is_some() {
                break;
            }
            if let Some((n, p)) = tagged_at(&self.periods, &toks, k) {
                per = Some(*p);
                end = k + n;
                break;
            }
        }
        if per.is_none()
            && let Some(colon) = line.find(':')
        {
            let head = tokens(&line[..colon]);
            per = (0..head.len()).find_map(|k| tagged_at(&self.periods, &head, k).map(|t| *t.1));
        }
        let labelled = (0..toks.len()).any(|i| any_at(&self.pay_labels, &toks, i).is_some());
        if per.is_none() && !labelled {
            return None;
        }
        Some(Pay {
            text: line[toks[start].start..toks[end - 1].end].trim().to_owned(),
            min,
            max,
            currency,
            per,
        })
    }

    /// The place of work `line` states: the value of a "Location: X" line as written, or a
    /// mode of work (`remote`, `hybrid`, `on-site`) when the line, or a bracket in it, says only
    /// that ("Remote", "100% remote", "Community Manager (remote)").
    pub fn place_in(&self, line: &str) -> Option<String> {
        let line = line.trim_start_matches(|c: char| !c.is_alphanumeric());
        if let Some((head, value)) = line.split_once(':') {
            // A sentence's full stop is no part of the place ("Location: Valencia.").
            let value = value.trim().trim_end_matches(['.', ';']).trim_end();
            if !value.is_empty() && self.place_label(head) {
                return Some(value.to_owned());
            }
        }
        let only_mode = |s: &str| {
            // The mode must stand at the first word.
            if !self.mode_keys.in_line(s) {
                return None;
            }
            let toks = tokens(s);
            let words: Vec<&Token> = toks.iter().filter(|t| t.is_word()).collect();
            let first = toks.iter().position(Token::is_word)?;
            let (n, mode) = tagged_at(&self.modes, &toks, first)?;
            let words_in_mode = toks[first..first + n]
                .iter()
                .filter(|t| t.is_word())
                .count();
            (words.len() == words_in_mode).then(|| mode.clone())
        };
        only_mode(line).or_else(|| {
            line.split('(')
                .skip(1)
                .filter_map(|s| s.split_once(')').map(|(inside, _)| inside))
                .find_map(only_mode)
        })
    }

    /// The working time `line` names, the first one it names ("Part-time (20h/week)",
    /// "Jornada: media jornada", "Poste à temps partiel"). Whether the line speaks of the job's
    /// own hours is for the caller to judge: "Train our part-time moderators" names one too.
    pub fn schedule_in(&self, line: &str) -> Option<Schedule> {
        if !self.schedule_keys.in_line(line) {
            return None;
        }
        let toks = tokens(line);
        (0..toks.len()).find_map(|i| tagged_at(&self.schedules, &toks, i).map(|(_, s)| *s))
    }

    /// Whether `line` states only facts of the job around a working time: a schedule, and
    /// besides it nothing but hours, periods, contract markers, modes of work, small words and
    /// schedule companions, after a short label ("Part-time", "Jornada: media jornada",
    /// "Temps partiel (24h/semaine)", "Full-time, permanent position"). A line with other
    /// words ("Train our part-time moderators") is something else.
    pub fn is_schedule_line(&self, line: &str) -> bool {
        // The schedule stands in the body, whose words are words of the line.
        if !self.schedule_keys.in_line(line) {
            return false;
        }
        let body = match line.split_once(':') {
            Some((head, rest))
                if tokens(head).iter().filter(|t| t.is_word()).count() <= FACT_LABEL_WORDS =>
            {
                rest
            }
            _ => line,
        };
        let toks = tokens(body);
        let mut covered = vec![false; toks.len()];
        let mut any = false;
        for i in 0..toks.len() {
            if let Some((n, _)) = tagged_at(&self.schedules, &toks, i) {
                covered[i..i + n].iter_mut().for_each(|c| *c = true);
                any = true;
            }
        }
        any && toks
            .iter()
            .zip(&covered)
            .all(|(t, &c)| c || !t.is_word() || self.fact_words.contains(&t.key))
    }

    /// Whether `line` states a fact rather than a duty: the pay, a "Location: X" label, or
    /// only the working time.
    pub fn is_fact_line(&self, line: &str) -> bool {
        self.pay_in(line).is_some()
            || line
                .trim_start_matches(|c: char| !c.is_alphanumeric())
                .split_once(':')
                .is_some_and(|(head, _)| self.place_label(head))
            || self.is_schedule_line(line)
    }

    /// Whether `head` (what stands before a ":") is a place label, word for word.
    fn place_label(&self, head: &str) -> bool {
        let head = tokens(head);
        self.place_labels
            .iter()
            .any(|p| head.len() == p.len() && matches_at(p, &head, 0))
    }

    /// The first fact `find` reads in a line of `text` (HTML decoded), or in a sentence of one:
    /// an e-mail's "… Rate: 25 EUR/hour. Location: Valencia." states them mid-paragraph.
    pub fn first<T>(&self, text: &str, find: impl Fn(&Facts, &str) -> Option<T>) -> Option<T> {
        super::extract::decode_html(text).lines().find_map(|l| {
            find(self, l).or_else(|| {
                let parts = super::extract::sentences(l);
                if parts.len() < 2 {
                    return None;
                }
                parts.iter().find_map(|sentence| find(self, sentence))
            })
        })
    }

    /// An amount with or without a currency at `toks[i]`: "$55,000", "25 EUR", "55k €", "20".
    /// Gives the amount, the currency, and where the amount ends.
    fn money(&self, toks: &[Token], i: usize) -> Option<(f64, Option<String>, usize)> {
        let (before, mut j) = match tagged_at(&self.currencies, toks, i) {
            Some((n, c)) => (Some(c.clone()), i + n),
            None => (None, i),
        };
        let mut value = toks.get(j)?.number?;
        j += 1;
        // "55k": a "k" right against the number.
        if let Some(t) = toks.get(j)
            && t.key == "k"
            && t.start == toks[j - 1].end
        {
            value *= 1000.0;
            j += 1;
        }
        let currency = match before {
            Some(c) => Some(c),
            None => tagged_at(&self.currencies, toks, j).map(|(n, c)| {
                j += n;
                c.clone()
            }),
        };
        (value > 0.0 && value.is_finite()).then_some((value, currency, j))
    }
}

/// The length of the first (longest) phrase of `list` at `toks[i]`.
fn any_at(list: &[Phrase], toks: &[Token], i: usize) -> Option<usize> {
    list.iter().find(|p| matches_at(p, toks, i)).map(Vec::len)
}

/// The length and tag of the first (longest) tagged phrase at `toks[i]`.
fn tagged_at<'a, T>(list: &'a [(Phrase, T)], toks: &[Token], i: usize) -> Option<(usize, &'a T)> {
    list.iter()
        .find(|(p, _)| matches_at(p, toks, i))
        .map(|(p, t)| (p.len(), t))
}

fn matches_at(phrase: &[String], toks: &[Token], i: usize) -> bool {
    toks.get(i..i + phrase.len())
        .is_some_and(|t| t.iter().zip(phrase).all(|(t, p)| t.key == *p))
}

/// Spaces that group the thousands of a number ("35 000", "35 000").
fn is_group_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}')
}

/// The tokens of a line: numbers ("2.500,00", "35 000"), lower-cased words, and every other
/// sign on its own ("$", "/", "-").
fn tokens(text: &str) -> Vec<Token> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let at = |k: usize| chars.get(k).map(|&(_, c)| c);
    let pos = |k: usize| chars.get(k).map_or(text.len(), |&(i, _)| i);
    let mut out = Vec::new();
    let mut k = 0;
    while k < chars.len() {
        let c = chars[k].1;
        let start = k;
        if c.is_ascii_digit() {
            k += 1;
            let mut run = 1; // digits since the last separator
            loop {
                match at(k) {
                    Some(d) if d.is_ascii_digit() => {
                        k += 1;
                        run += 1;
                    }
                    Some('.' | ',') if at(k + 1).is_some_and(|d| d.is_ascii_digit()) => {
                        k += 1;
                        run = 0;
                    }
                    // "35 000": a space before exactly three digits, after at most three.
                    Some(s)
                        if is_group_space(s)
                            && run <= 3
                            && (1..=3).all(|n| at(k + n).is_some_and(|d| d.is_ascii_digit()))
                            && !at(k + 4).is_some_and(|d| d.is_ascii_digit()) =>
                    {
                        k += 1;
                        run = 0;
                    }
                    _ => break,
                }
            }
            let raw = &text[pos(start)..pos(k)];
            out.push(Token {
                key: raw.to_owned(),
                number: parse_number(raw),
                start: pos(start),
                end: pos(k),
            });
        } else if c.is_alphabetic() {
            while at(k).is_some_and(char::is_alphabetic) {
                k += 1;
            }
            out.push(Token {
                key: text[pos(start)..pos(k)].to_lowercase(),
                number: None,
                start: pos(start),
                end: pos(k),
            });
        } else {
            k += 1;
            if !c.is_whitespace() {
                let key = if c == '’' {
                    "'".to_owned()
                } else {
                    c.to_string()
                };
                out.push(Token {
                    key,
                    number: None,
                    start: pos(start),
                    end: pos(k),
                });
            }
        }
    }
    out
}

/// "55,000" and "1.800" (thousands), "2.500,00" and "1,234.56" (the last separator is the
/// decimal one), "12.50" and "0,5" (decimals), "35 000".
fn parse_number(raw: &str) -> Option<f64> {
    let s: String = raw.chars().filter(|c| !is_group_space(*c)).collect();
    let last = s.rfind(['.', ',']);
    let normal = match last {
        None => s,
        Some(i) => {
            let sep = s.as_bytes()[i] as char;
            let other = if sep == '.' { ',' } else { '.' };
            let after = s.len() - i - 1;
            let decimal = s.contains(other) || (s.matches(sep).count() == 1 && after != 3);
            if decimal {
                let int: String = s[..i].chars().filter(char::is_ascii_digit).collect();
                format!("{int}.{}", &s[i + 1..])
            } else {
                s.chars().filter(char::is_ascii_digit).collect()
            }
        }
    };
    normal.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts() -> Facts {
        Facts::new(&MatchingConfig::builtin().unwrap())
    }

    fn pay(line: &str) -> (f64, f64, String, Option<&'static str>, String) {
        let p = facts()
            .pay_in(line)
            .unwrap_or_else(|| panic!("no pay in {line:?}"));
        (p.min, p.max, p.currency, p.per.map(Period::as_str), p.text)
    }

    #[test]
    fn pay_in_each_written_form() {
        let cases: &[(&str, f64, f64, &str, &str, &str)] = &[
            (
                "Rate: 25 EUR/hour",
                25.0,
                25.0,
                "EUR",
                "hour",
                "25 EUR/hour",
            ),
            (
                "$55,000 - $70,000 per year",
                55_000.0,
                70_000.0,
                "USD",
                "year",
                "$55,000 - $70,000 per year",
            ),
            (
                "Salário: R$ 2.500,00 mensais",
                2_500.0,
                2_500.0,
                "BRL",
                "month",
                "R$ 2.500,00 mensais",
            ),
            (
                "Salario: 1.800 € brutos al mes",
                1_800.0,
                1_800.0,
                "EUR",
                "month",
                "1.800 € brutos al mes",
            ),
            (
                "Rémunération : 35 000 € bruts annuels",
                35_000.0,
                35_000.0,
                "EUR",
                "year",
                "35 000 € bruts annuels",
            ),
            (
                "We pay £12.50 an hour.",
                12.5,
                12.5,
                "GBP",
                "hour",
                "£12.50 an hour",
            ),
            ("USD 20/h", 20.0, 20.0, "USD", "hour", "USD 20/h"),
            ("Hourly rate: $25", 25.0, 25.0, "USD", "hour", "$25"),
            (
                "Salary range: €40k–€50k",
                40_000.0,
                50_000.0,
                "EUR",
                "",
                "€40k–€50k",
            ),
        ];
        for &(line, min, max, cur, per, text) in cases {
            let (lo, hi, currency, period, written) = pay(line);
            assert_eq!((lo, hi, currency.as_str()), (min, max, cur), "{line}");
            assert_eq!(period.unwrap_or(""), per, "{line}");
            assert_eq!(written, text, "{line}");
        }
    }

    #[test]
    fn numbers_that_are_not_pay() {
        let f = facts();
        for line in [
            "3+ years of experience in social media",
            "Grow our Discord to 20 members a week",
            "Community Manager (20h/week)",
            "Manage a $10,000 monthly ad budget",
            "Post 3 times a day on Instagram",
            "Hit 1.5 million impressions a month",
        ] {
            assert_eq!(f.pay_in(line), None, "{line}");
            assert!(!f.is_fact_line(line), "{line}");
        }
        assert!(f.is_fact_line("Rate: 25 EUR/hour"));
        assert!(f.is_fact_line("Location: Madrid"));
    }

    #[test]
    fn pay_is_shown_in_one_form() {
        let f = facts();
        let show = |l: &str| f.pay_in(l).unwrap().to_string();
        assert_eq!(show("Rate: 25 EUR/hour"), "25 EUR/hour");
        assert_eq!(show("$55,000 - $70,000 per year"), "55,000–70,000 USD/year");
        assert_eq!(show("£12.50 an hour"), "12.50 GBP/hour");
    }

    #[test]
    fn place_in_labels_and_modes() {
        let f = facts();
        assert_eq!(f.place_in("Location: Madrid").as_deref(), Some("Madrid"));
        assert_eq!(f.place_in("Lieu : Lyon").as_deref(), Some("Lyon"));
        assert_eq!(
            f.place_in("Ubicación: Ciudad de México").as_deref(),
            Some("Ciudad de México")
        );
        assert_eq!(f.place_in("Local: São Paulo").as_deref(), Some("São Paulo"));
        assert_eq!(
            f.place_in("Ubicación: Valencia.").as_deref(),
            Some("Valencia")
        );
        // Stated mid-paragraph, after the pay.
        assert_eq!(
            f.first(
                "We run our socials. Rate: 25 EUR/hour. Location: Valencia.",
                Facts::place_in
            )
            .as_deref(),
            Some("Valencia")
        );
        assert_eq!(f.place_in("- 100% remote").as_deref(), Some("remote"));
        assert_eq!(f.place_in("Hybrid").as_deref(), Some("hybrid"));
        assert_eq!(
            f.place_in("Community Manager (remote)").as_deref(),
            Some("remote")
        );
        assert_eq!(f.place_in("Support remote members in the forum"), None);
        assert_eq!(f.place_in("Local events: meetups"), None);
    }

    #[test]
    fn schedules_in_four_languages() {
        let f = facts();
        let cases = [
            ("Part-time", Schedule::PartTime),
            ("Part time (20h/week)", Schedule::PartTime),
            ("Jornada: media jornada", Schedule::PartTime),
            ("Contrato a tiempo parcial", Schedule::PartTime),
            ("Poste à mi-temps", Schedule::PartTime),
            ("Contrat : CDD à temps partiel", Schedule::PartTime),
            ("Vaga de meio período", Schedule::PartTime),
            ("Meio expediente, remoto", Schedule::PartTime),
            ("Regime: tempo parcial", Schedule::PartTime),
            ("Full-time, permanent position", Schedule::FullTime),
            ("Jornada completa", Schedule::FullTime),
            ("CDI à temps plein", Schedule::FullTime),
            ("Tempo integral", Schedule::FullTime),
        ];
        for (line, want) in cases {
            assert_eq!(f.schedule_in(line), Some(want), "{line}");
            assert!(f.is_schedule_line(line), "{line}");
            assert!(f.is_fact_line(line), "{line}");
        }
        assert_eq!(f.schedule_in("Plan the content calendar"), None);
        assert_eq!(f.schedule_in("Time management and partnerships"), None);
    }

    #[test]
    fn a_line_with_more_than_a_schedule_is_no_schedule_line() {
        let f = facts();
        for line in [
            "Train and support our part-time moderators",
            "Coordinate the full-time staff's posting calendar",
            "Gestionar el equipo de voluntarios a tiempo parcial y el foro",
        ] {
            assert!(f.schedule_in(line).is_some(), "{line}");
            assert!(!f.is_schedule_line(line), "{line}");
            assert!(!f.is_fact_line(line), "{line}");
        }
    }

    #[test]
    fn the_reader_reads_the_schedule_from_lines_that_are_no_duties() {
        let catalog = crate::catalog::Catalog::builtin().unwrap();
        let reader =
            super::super::Reader::new(&catalog, MatchingConfig::builtin().unwrap()).unwrap();
        let read = |text: &str| reader.read(&catalog, text, &super::super::RoleHint::default());
        let offer = read(
            "Community Manager\nTemps partiel\nMissions :\n- Animer le forum des membres\n\
             - Accueillir les nouveaux membres\n",
        );
        assert_eq!(offer.schedule, Some(Schedule::PartTime));
        assert_eq!(offer.hours_per_week, None, "no number is made up");
        assert!(offer.lines.iter().all(|l| !l.text.contains("partiel")));
        // Only a duty names part-time: the job's own schedule is not stated.
        let offer = read(
            "Community Manager\nResponsibilities:\n- Train and support our part-time moderators\n\
             - Welcome new members in the forum\n",
        );
        assert_eq!(offer.schedule, None);
        assert!(offer.lines.iter().any(|l| l.text.contains("part-time")));
        // In the title, with hours.
        let offer = read(
            "Social Media Coordinator (part-time, 15 h/week)\nResponsibilities:\n\
             - Schedule posts on Instagram\n- Reply to comments on the brand's posts\n",
        );
        assert_eq!(offer.schedule, Some(Schedule::PartTime));
        assert_eq!(offer.hours_per_week, Some(15.0));
    }

    #[test]
    fn the_reader_never_takes_a_pay_line_for_a_duty() {
        let catalog = crate::catalog::Catalog::builtin().unwrap();
        let reader =
            super::super::Reader::new(&catalog, MatchingConfig::builtin().unwrap()).unwrap();
        let duties = |text: &str| -> Vec<String> {
            reader
                .read(&catalog, text, &super::super::RoleHint::default())
                .lines
                .into_iter()
                .map(|l| l.text)
                .collect()
        };
        let got = duties(
            "Responsibilities:\n- Moderate the member forum\n- Paid €25/h, invoiced monthly\n",
        );
        assert_eq!(got, ["Moderate the member forum"]);
        // In prose only the sentence that states the pay goes.
        let got = duties(
            "Hi! We're a small bakery looking for a Community Manager (10h/week). You'd run our \
             Instagram: plan the content calendar and reply to comments and DMs. Rate: 25 EUR/hour.",
        );
        assert!(!got.iter().any(|d| d.contains("25 EUR")), "{got:?}");
        assert!(
            got.iter().any(|d| d.contains("reply to comments")),
            "{got:?}"
        );
    }
}
