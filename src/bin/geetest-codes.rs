//! `geetest-codes`: explains Geetest OneLogin/OnePass error codes, like `rustc --explain`.

use std::io::{self, Read, Write};
use std::num::IntErrorKind;
use std::process::ExitCode;

use clap::builder::TypedValueParser as _;
use clap::{CommandFactory, Parser, Subcommand, ValueEnum};
use geetest_codes::{find, lookup, lookup_name, ClientReport, Entry, Lang, Table};

/// Explains Geetest OneLogin and OnePass error codes (server API, Android and iOS SDKs, H5 web
/// and mini-program JS, and the carriers behind them), from the vendor's published reference.
#[derive(Parser)]
#[command(name = "geetest-codes", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Explain a code: its meaning in every table that lists it, with the steps to fix it.
    ///
    /// Exits 0 when a table lists the code, 1 when none does, 2 when the argument is neither a
    /// decimal integer nor shaped like a variant name (letters and digits only).
    #[command(allow_negative_numbers = true)]
    Explain {
        /// The code, such as 12105 or -40101 (a variant name such as SignatureError also works).
        code: String,
        /// Only this table, by slug (such as onelogin/server); see `geetest-codes tables`.
        #[arg(long, short, value_parser = table_arg())]
        table: Option<Table>,
        /// Only this language; both are shown by default (JSON always holds both).
        #[arg(long, short, value_enum)]
        lang: Option<LangArg>,
        /// Print a JSON array of entries instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Print every entry of every table as one JSON array, in the reference's order.
    Export,
    /// List the tables: slug, title and number of rows.
    Tables,
    /// Diagnose a failure report (JSON) read from standard input.
    ///
    /// Reads the JSON an app or page reported (Android `errorCode`, H5 `code` …), finds the
    /// code in the table, and the carrier's own code when the report holds one. Exits 0 when
    /// the table knows the code, 1 when it does not (the diagnosis is still printed), 2 when
    /// the report has no readable code.
    Diagnose {
        /// The table the report came from, by slug (such as onelogin/android).
        #[arg(long, short, value_parser = table_arg())]
        table: Table,
        /// Only this language; both are shown by default.
        #[arg(long, short, value_enum)]
        lang: Option<LangArg>,
        /// Print the diagnosis as a JSON object.
        #[arg(long)]
        json: bool,
    },
    /// Print a shell completion script, such as `geetest-codes completions bash`.
    Completions {
        /// The shell to complete for.
        shell: clap_complete::Shell,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum LangArg {
    /// The vendor's Chinese.
    Zh,
    /// The English translation.
    En,
}

/// The `--table` argument: its possible values are the slugs, which shells complete.
fn table_arg() -> impl clap::builder::TypedValueParser<Value = Table> {
    let slugs: Vec<&'static str> = Table::iter().map(Table::slug).collect();
    clap::builder::PossibleValuesParser::new(slugs).try_map(|slug| slug.parse::<Table>())
}

fn langs(lang: Option<LangArg>) -> &'static [Lang] {
    match lang {
        Some(LangArg::Zh) => &[Lang::Zh],
        Some(LangArg::En) => &[Lang::En],
        None => &[Lang::Zh, Lang::En],
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let stdout = io::stdout();
    let mut out = stdout.lock();
    let result = match cli.command {
        Command::Explain {
            code,
            table,
            lang,
            json,
        } => explain(&mut out, &code, table, lang, json),
        Command::Export => export(&mut out),
        Command::Tables => tables(&mut out),
        Command::Diagnose { table, lang, json } => diagnose_stdin(&mut out, table, lang, json),
        Command::Completions { shell } => {
            // Generated into memory first: clap_complete panics on a write error, and a closed
            // pipe must end quietly.
            let mut script = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "geetest-codes", &mut script);
            if shell == clap_complete::Shell::Bash {
                script = repair_bash(&script);
            }
            out.write_all(&script).map(|()| ExitCode::SUCCESS)
        }
    };
    let flushed = result.and_then(|code| out.flush().map(|()| code));
    match flushed {
        Ok(code) => code,
        // A reader that stops early (`| head -1`) is not an error worth a message.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("geetest-codes: cannot write the output: {e}");
            ExitCode::from(2)
        }
    }
}

fn usage_error(message: &str) -> io::Result<ExitCode> {
    eprintln!("geetest-codes: {message}");
    Ok(ExitCode::from(2))
}

/// The entries `code` names: a number (aliases included) or a variant name.
fn entries_for(code: &str, table: Option<Table>) -> Result<Vec<&'static Entry>, String> {
    let text = code.trim();
    let shown = shorten(code);
    let tables: Vec<Table> = match table {
        Some(t) => vec![t],
        None => Table::iter().collect(),
    };
    if text.starts_with(['+', '-']) || text.starts_with(|c: char| c.is_ascii_digit()) {
        let number: i32 = text
            .parse()
            .map_err(|e: std::num::ParseIntError| match e.kind() {
                IntErrorKind::PosOverflow | IntErrorKind::NegOverflow => {
                    format!("{shown:?} is not a code: the number does not fit in an i32")
                }
                _ => format!("{shown:?} is not a code: {NOT_A_CODE}"),
            })?;
        return Ok(match table {
            Some(t) => lookup(t, number).into_iter().collect(),
            None => find(number).collect(),
        });
    }
    if !text.is_empty() && text.chars().all(|c| c.is_ascii_alphanumeric()) {
        return Ok(tables
            .into_iter()
            .filter_map(|t| lookup_name(t, text))
            .collect());
    }
    Err(format!("{shown:?} is not a code: {NOT_A_CODE}"))
}

/// What `explain` accepts, for its usage errors.
const NOT_A_CODE: &str =
    "codes are decimal integers such as 12105 or -40101, or variant names such as SignatureError";

/// clap_complete 4.6 spells the subcommands of a command whose name has a hyphen two ways in
/// a bash script: it sets `cmd="geetest__codes__subcmd__explain"` but matches
/// `geetest__subcmd__codes__subcmd__explain)`, so nothing past the subcommand would complete.
/// The script is brought to the first spelling. Once clap_complete writes both alike, this
/// finds nothing to change.
fn repair_bash(script: &[u8]) -> Vec<u8> {
    String::from_utf8_lossy(script)
        .replace("geetest__subcmd__codes", "geetest__codes")
        .into_bytes()
}

/// At most 40 characters of an argument, for a message.
fn shorten(text: &str) -> String {
    match text.char_indices().nth(40) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_string(),
    }
}

fn explain(
    out: &mut impl Write,
    code: &str,
    table: Option<Table>,
    lang: Option<LangArg>,
    json: bool,
) -> io::Result<ExitCode> {
    let entries = match entries_for(code, table) {
        Ok(entries) => entries,
        Err(message) => return usage_error(&message),
    };
    if json {
        write_json(out, &entries)?;
    } else {
        for (i, entry) in entries.iter().enumerate() {
            if i > 0 {
                writeln!(out)?;
            }
            write_entry(out, entry, langs(lang))?;
        }
    }
    if entries.is_empty() {
        let text = code.trim();
        let shown = shorten(text);
        let what = if text.starts_with(|c: char| c.is_ascii_alphabetic()) {
            let elsewhere: Vec<&str> = Table::iter()
                .filter(|&t| lookup_name(t, text).is_some())
                .map(Table::slug)
                .collect();
            if elsewhere.is_empty() {
                format!("a code named {shown} (names are case-sensitive, such as SignatureError)")
            } else {
                format!(
                    "a code named {shown} (that name is in {})",
                    elsewhere.join(", ")
                )
            }
        } else {
            format!("the code {shown}")
        };
        match table {
            Some(t) => eprintln!("geetest-codes: the {t} table does not have {what}"),
            None => eprintln!("geetest-codes: no table has {what}"),
        }
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

fn write_json(out: &mut impl Write, value: &impl serde::Serialize) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value).map_err(io::Error::from)?;
    writeln!(out)
}

/// Writes one entry as text: table, code and name, descriptions, cause, steps, decision.
fn write_entry(out: &mut impl Write, entry: &Entry, langs: &[Lang]) -> io::Result<()> {
    let table = entry.table();
    writeln!(
        out,
        "{} {} {} ({})",
        table.slug(),
        entry.code(),
        entry.name(),
        table.title()
    )?;
    if !entry.aliases().is_empty() {
        let aliases: Vec<String> = entry.aliases().iter().map(i32::to_string).collect();
        writeln!(out, "  also reported as {}", aliases.join(", "))?;
    }
    if let Some(symbol) = entry.symbol() {
        writeln!(out, "  SDK symbol {symbol}")?;
    }
    for &lang in langs {
        writeln!(out, "  {}", entry.description(lang))?;
    }
    if entry.cause(Lang::En).is_some() {
        writeln!(out)?;
        writeln!(out, "  Common cause:")?;
        for &lang in langs {
            if let Some(cause) = entry.cause(lang) {
                writeln!(out, "    {cause}")?;
            }
        }
    }
    writeln!(out)?;
    if entry.remediation(Lang::En).is_empty() {
        writeln!(out, "  The reference gives no remediation steps.")?;
    } else {
        writeln!(out, "  Remediation:")?;
        for i in 0..entry.remediation(Lang::En).len() {
            for (j, &lang) in langs.iter().enumerate() {
                let step = entry.remediation(lang).get(i).copied().unwrap_or_default();
                if j == 0 {
                    writeln!(out, "    {}. {step}", i + 1)?;
                } else {
                    writeln!(out, "       {step}")?;
                }
            }
        }
    }
    writeln!(out)?;
    writeln!(
        out,
        "  Category: {}    Action: {}",
        entry.category(),
        entry.action()
    )?;
    if let Some(carrier) = entry.carrier() {
        writeln!(
            out,
            "  The {} SDK failed: its own code is in the report's metadata; explain it with\n  \
             geetest-codes explain <carrier code> --table {}",
            carrier.name(),
            carrier.table().slug()
        )?;
    }
    Ok(())
}

fn export(out: &mut impl Write) -> io::Result<ExitCode> {
    write_json(out, &geetest_codes::entries())?;
    Ok(ExitCode::SUCCESS)
}

fn tables(out: &mut impl Write) -> io::Result<ExitCode> {
    for table in Table::iter() {
        writeln!(
            out,
            "{:<25} {:<32} {:>3} rows",
            table.slug(),
            table.title(),
            table.len()
        )?;
    }
    Ok(ExitCode::SUCCESS)
}

fn diagnose_stdin(
    out: &mut impl Write,
    table: Table,
    lang: Option<LangArg>,
    json: bool,
) -> io::Result<ExitCode> {
    let mut bytes = Vec::new();
    if let Err(e) = io::stdin().read_to_end(&mut bytes) {
        return usage_error(&format!("cannot read the report from standard input: {e}"));
    }
    // Apps write text fields in other encodings too: a stray byte in a message must not cost
    // the code, so invalid UTF-8 is replaced, and a byte-order mark is skipped.
    let text = String::from_utf8_lossy(&bytes);
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let report: ClientReport = match serde_json::from_str(text) {
        Ok(report) => report,
        Err(e) => return usage_error(&format!("cannot read the report as a JSON object: {e}")),
    };
    let diagnosis = match report.diagnose(table) {
        Ok(d) => d,
        Err(e) => return usage_error(&e.to_string()),
    };
    if json {
        write_json(out, &diagnosis)?;
    } else {
        match diagnosis.entry() {
            Some(entry) => write_entry(out, entry, langs(lang))?,
            None => writeln!(
                out,
                "{} {}: the table does not list this code",
                table,
                diagnosis.code()
            )?,
        }
        if diagnosis.carrier().is_none() && table.carrier().is_none() {
            if let Some(code) = diagnosis.carrier_code() {
                writeln!(out)?;
                writeln!(
                    out,
                    "carrier code {code}: the report does not say which carrier answered"
                )?;
            } else if let Some(problem) = diagnosis.carrier_code_problem() {
                writeln!(out)?;
                writeln!(out, "carrier code: unreadable ({problem})")?;
            }
        }
        if let Some(carrier) = diagnosis.carrier().filter(|_| table.carrier().is_none()) {
            writeln!(out)?;
            match (diagnosis.carrier_code(), diagnosis.carrier_entry()) {
                (_, Some(entry)) => write_entry(out, entry, langs(lang))?,
                (Some(code), None) => writeln!(
                    out,
                    "{} {code}: the carrier's table does not list this code",
                    carrier.table()
                )?,
                (None, None) => match diagnosis.carrier_code_problem() {
                    Some(problem) => writeln!(
                        out,
                        "carrier: {} (its code is unreadable: {problem})",
                        carrier.name()
                    )?,
                    None => writeln!(
                        out,
                        "carrier: {} (no carrier code in the report)",
                        carrier.name()
                    )?,
                },
            }
        }
        if let Some(id) = diagnosis.process_id() {
            writeln!(out)?;
            writeln!(out, "process_id: {id}")?;
        }
    }
    Ok(if diagnosis.entry().is_some() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
