//! The language a posting is written in: detected per posting with `whatlang` (a trigram model
//! that ships with the crate, no data to load), or given with `--lang`. It chooses the Snowball
//! stemmer the reader's features are made with; the reply itself stays in English.

use std::fmt;
use std::str::FromStr;

use rust_stemmers::{Algorithm, Stemmer};

/// A language the offer reader was trained on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Language {
    English,
    Spanish,
    French,
    Portuguese,
}

/// Every language, in the order of [`Language::code`]s shown to users.
pub const LANGUAGES: [Language; 4] = [
    Language::English,
    Language::Spanish,
    Language::French,
    Language::Portuguese,
];

impl Language {
    /// ISO 639-1 code: `en`, `es`, `fr`, `pt`.
    pub fn code(self) -> &'static str {
        match self {
            Language::English => "en",
            Language::Spanish => "es",
            Language::French => "fr",
            Language::Portuguese => "pt",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Language::English => "English",
            Language::Spanish => "Spanish",
            Language::French => "French",
            Language::Portuguese => "Portuguese",
        }
    }

    pub fn stemmer(self) -> Stemmer {
        Stemmer::create(match self {
            Language::English => Algorithm::English,
            Language::Spanish => Algorithm::Spanish,
            Language::French => Algorithm::French,
            Language::Portuguese => Algorithm::Portuguese,
        })
    }

    fn from_whatlang(lang: whatlang::Lang) -> Option<Language> {
        match lang {
            whatlang::Lang::Eng => Some(Language::English),
            whatlang::Lang::Spa => Some(Language::Spanish),
            whatlang::Lang::Fra => Some(Language::French),
            whatlang::Lang::Por => Some(Language::Portuguese),
            _ => None,
        }
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// A language code the reader does not know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownLanguage(pub String);

impl fmt::Display for UnknownLanguage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let codes: Vec<&str> = LANGUAGES.iter().map(|l| l.code()).collect();
        write!(
            f,
            "unknown language `{}`: expected one of {}",
            self.0,
            codes.join(", ")
        )
    }
}

impl std::error::Error for UnknownLanguage {}

impl FromStr for Language {
    type Err = UnknownLanguage;

    /// A code (`es`) or an English name (`spanish`), any case.
    fn from_str(s: &str) -> Result<Language, UnknownLanguage> {
        let t = s.trim().to_lowercase();
        LANGUAGES
            .iter()
            .copied()
            .find(|l| l.code() == t || l.name().to_lowercase() == t)
            .ok_or_else(|| UnknownLanguage(s.to_owned()))
    }
}

/// How the language was settled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LanguageSource {
    /// `--lang`.
    Given,
    /// Detected from the text.
    Detected,
    /// The text was too short, or in a language the reader was not trained on: read as English.
    Fallback,
}

impl LanguageSource {
    pub fn as_str(self) -> &'static str {
        match self {
            LanguageSource::Given => "given",
            LanguageSource::Detected => "detected",
            LanguageSource::Fallback => "fallback",
        }
    }
}

/// The posting's language: among the four the reader knows, the one whatlang finds most likely,
/// when whatlang finds it reliable or is at least `min_confidence` sure (`language_min_confidence`
/// in `data/matching.yaml`): on a line or two, where "Run giveaways" can look French, the
/// reader falls back to English. Detection runs on at most the first 4,000 bytes, so its cost
/// does not grow with the text.
pub fn detect(text: &str, min_confidence: f64) -> (Language, LanguageSource) {
    let mut end = text.len().min(4_000);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let detector = whatlang::Detector::with_allowlist(vec![
        whatlang::Lang::Eng,
        whatlang::Lang::Spa,
        whatlang::Lang::Fra,
        whatlang::Lang::Por,
    ]);
    match detector
        .detect(&text[..end])
        .filter(|info| info.is_reliable() || info.confidence() >= min_confidence)
        .and_then(|info| Language::from_whatlang(info.lang()))
    {
        Some(l) if text.split_whitespace().nth(2).is_some() => (l, LanguageSource::Detected),
        _ => (Language::English, LanguageSource::Fallback),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_the_four_languages() {
        let cases = [
            (
                "We are looking for someone to welcome new members and host our monthly meetups.",
                Language::English,
            ),
            (
                "Buscamos una persona para gestionar nuestras redes sociales y crear contenido para la marca.",
                Language::Spanish,
            ),
            (
                "Nous recherchons une personne pour animer notre communauté et organiser des rencontres.",
                Language::French,
            ),
            (
                "Procuramos uma pessoa para cuidar das nossas redes sociais e criar conteúdo para a marca.",
                Language::Portuguese,
            ),
        ];
        for (text, want) in cases {
            assert_eq!(
                detect(text, 0.5),
                (want, LanguageSource::Detected),
                "{text}"
            );
        }
    }

    #[test]
    fn too_short_a_text_falls_back_to_english() {
        assert_eq!(
            detect("- Schedule posts\n- Run paid ads", 0.5),
            (Language::English, LanguageSource::Fallback)
        );
        assert_eq!(
            detect("Hola", 0.5),
            (Language::English, LanguageSource::Fallback)
        );
        assert_eq!(
            detect("", 0.5),
            (Language::English, LanguageSource::Fallback)
        );
    }

    #[test]
    fn codes_and_names_parse_and_others_are_refused() {
        assert_eq!("ES".parse::<Language>(), Ok(Language::Spanish));
        assert_eq!("french".parse::<Language>(), Ok(Language::French));
        let err = "de".parse::<Language>().unwrap_err();
        assert_eq!(
            err.to_string(),
            "unknown language `de`: expected one of en, es, fr, pt"
        );
    }
}
