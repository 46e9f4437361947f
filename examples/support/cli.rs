//! The examples' command line, one convention for all: `--help` (or `-h`)
//! prints the usage and exits 0; an unknown argument, a missing value or a
//! bad language prints the usage on stderr and exits 2. Options take their
//! value as `--lang en` or `--lang=en`.
//!
//! Included by each example with `#[path = "support/cli.rs"] mod cli;`.
#![allow(dead_code)]

use skill_grants::Lang;

/// What the command line asked for.
pub struct Cli {
    flags: Vec<&'static str>,
    values: Vec<(&'static str, String)>,
    usage: &'static str,
}

impl Cli {
    /// Reads `std::env::args()`; `flags` take no value, `options` take one.
    pub fn parse(usage: &'static str, flags: &[&'static str], options: &[&'static str]) -> Cli {
        match Cli::from(std::env::args().skip(1), usage, flags, options) {
            Ok(cli) => cli,
            Err(Exit::Help) => {
                print!("{usage}");
                std::process::exit(0)
            }
            Err(Exit::Usage(why)) => {
                eprint!("error: {why}\n\n{usage}");
                std::process::exit(2)
            }
        }
    }

    fn from(
        args: impl IntoIterator<Item = String>,
        usage: &'static str,
        flags: &[&'static str],
        options: &[&'static str],
    ) -> Result<Cli, Exit> {
        let mut cli = Cli {
            flags: Vec::new(),
            values: Vec::new(),
            usage,
        };
        let mut args = args.into_iter();
        while let Some(arg) = args.next() {
            if arg == "--help" || arg == "-h" {
                return Err(Exit::Help);
            }
            let (key, inline) = match arg.split_once('=') {
                Some((k, v)) => (k.to_owned(), Some(v.to_owned())),
                None => (arg.clone(), None),
            };
            if let Some(flag) = flags.iter().find(|f| **f == key) {
                if inline.is_some() {
                    return Err(Exit::Usage(format!("`{key}` takes no value")));
                }
                cli.flags.push(flag);
            } else if let Some(option) = options.iter().find(|o| **o == key) {
                let value = match inline {
                    Some(v) => v,
                    None => args
                        .next()
                        .ok_or_else(|| Exit::Usage(format!("`{key}` needs a value")))?,
                };
                cli.values.push((option, value));
            } else {
                return Err(Exit::Usage(format!("unknown argument `{arg}`")));
            }
        }
        Ok(cli)
    }

    /// True when the flag was given.
    pub fn flag(&self, name: &str) -> bool {
        self.flags.contains(&name)
    }

    /// The language of `--lang` (`zh`, the default, or `en`); anything else
    /// is refused with the usage and exit status 2.
    pub fn lang(&self) -> Lang {
        match self.values.iter().rev().find(|(k, _)| *k == "--lang") {
            None => Lang::Zh,
            Some((_, v)) if v == "zh" => Lang::Zh,
            Some((_, v)) if v == "en" => Lang::En,
            Some((_, v)) => {
                eprint!(
                    "error: `--lang {v}`: the language is `zh` or `en`\n\n{}",
                    self.usage
                );
                std::process::exit(2)
            }
        }
    }
}

enum Exit {
    Help,
    Usage(String),
}

#[cfg(test)]
mod tests {
    use super::{Cli, Exit};

    fn parse(args: &[&str]) -> Result<Cli, Exit> {
        Cli::from(
            args.iter().map(|a| (*a).to_owned()),
            "usage\n",
            &["--json", "--summary"],
            &["--lang"],
        )
    }

    #[test]
    fn help_unknown_arguments_and_both_option_forms() {
        assert!(matches!(parse(&["--help"]), Err(Exit::Help)));
        assert!(matches!(parse(&["--lang", "en", "-h"]), Err(Exit::Help)));
        for bad in [
            &["--jsn"][..],
            &["en"],
            &["--lang"],
            &["--json=yes"],
            &["--lang", "en", "extra"],
        ] {
            assert!(matches!(parse(bad), Err(Exit::Usage(_))), "{bad:?}");
        }
        let cli = parse(&["--lang=en", "--summary"]).unwrap_or_else(|_| panic!("parses"));
        assert_eq!(cli.lang(), skill_grants::Lang::En);
        assert!(cli.flag("--summary") && !cli.flag("--json"));
        let cli = parse(&["--lang", "zh"]).unwrap_or_else(|_| panic!("parses"));
        assert_eq!(cli.lang(), skill_grants::Lang::Zh);
        let cli = parse(&[]).unwrap_or_else(|_| panic!("parses"));
        assert_eq!(cli.lang(), skill_grants::Lang::Zh);
    }
}
