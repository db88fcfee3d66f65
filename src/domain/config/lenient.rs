//! Reading a `config.json` that a person typed by hand and got slightly
//! wrong: a comma after the last setting, a `}` left off, a value not in
//! double quotes, a quote not closed. Each slip is named with its line, in
//! words a practice manager can act on, and the settings around it are
//! still read, so one slip costs only itself.

use serde_json::{Map, Number, Value};

/// A slip in the file, at a line (counted from 1), in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Slip {
    pub line: usize,
    pub what: String,
}

/// What could be read of the settings, each with the line it is on, and the slips.
pub struct Read {
    pub settings: Map<String, Value>,
    pub lines: Vec<(String, usize)>,
    pub slips: Vec<Slip>,
}

struct Reader {
    chars: Vec<char>,
    at: usize,
    line: usize,
    slips: Vec<Slip>,
    /// Lists and objects open now: past [`DEEPEST`], the rest of the file is
    /// not read, so no file can use up the reader's stack.
    depth: usize,
}

/// The deepest lists and objects go; a practice's file needs two.
const DEEPEST: usize = 16;

impl Reader {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.at).copied()
    }

    fn next(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.at += 1;
        if c == '\n' {
            self.line += 1;
        }
        Some(c)
    }

    fn skip_space(&mut self) {
        while self.peek().is_some_and(char::is_whitespace) {
            self.next();
        }
    }

    fn slip(&mut self, line: usize, what: impl Into<String>) {
        self.slips.push(Slip {
            line,
            what: what.into(),
        });
    }

    /// A text in double quotes, the opening quote already read. One left
    /// open ends at the end of its line.
    fn quoted(&mut self) -> String {
        let line = self.line;
        let mut text = String::new();
        loop {
            match self.peek() {
                None | Some('\n') => {
                    self.slip(line, "a text has no closing double quote \" at its end: add one");
                    return text;
                }
                Some('"') => {
                    self.next();
                    return text;
                }
                Some('\\') => {
                    self.next();
                    match self.next() {
                        Some('n') => text.push('\n'),
                        Some('t') => text.push('\t'),
                        Some('u') => {
                            let hex: String = (0..4).filter_map(|_| self.next()).collect();
                            if let Some(c) = u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32) {
                                text.push(c);
                            }
                        }
                        Some(c) => text.push(c),
                        None => {}
                    }
                }
                Some(c) => {
                    self.next();
                    text.push(c);
                }
            }
        }
    }

    /// Text not in quotes, up to a comma, a closing bracket or the line's end.
    fn bare(&mut self) -> String {
        let mut text = String::new();
        while let Some(c) = self.peek() {
            if matches!(c, ',' | '}' | ']' | '\n') {
                break;
            }
            text.push(c);
            self.next();
        }
        text.trim().to_string()
    }

    /// A value: text, a list, a number, true, false or null. Anything else
    /// is taken as the text it is, with a slip, so a phone number typed
    /// without quotes keeps its first 0.
    fn value(&mut self, name: &str) -> Value {
        self.skip_space();
        let line = self.line;
        match self.peek() {
            Some('"') => {
                self.next();
                Value::String(self.quoted())
            }
            Some('[' | '{') if self.depth >= DEEPEST => {
                self.slip(line, format!("{name} holds lists inside lists too deep to read: it must be text, or a list of lines"));
                self.at = self.chars.len();
                Value::Null
            }
            Some('[') => {
                self.next();
                self.depth += 1;
                let list = self.list(name);
                self.depth -= 1;
                Value::Array(list)
            }
            Some('{') => {
                self.next();
                self.depth += 1;
                let inner = self.members(true);
                self.depth -= 1;
                Value::Object(inner.into_iter().map(|(k, v, _)| (k, v)).collect())
            }
            _ => {
                let text = self.bare();
                match text.as_str() {
                    "true" => Value::Bool(true),
                    "false" => Value::Bool(false),
                    "null" | "" => Value::Null,
                    // Whole numbers only: the settings have no fractions, and
                    // reading them would bring a float parser to every page.
                    _ if is_plain_number(&text) => text
                        .parse::<u64>()
                        .map_or(Value::String(text), |n| Value::Number(Number::from(n))),
                    _ => {
                        self.slip(
                            line,
                            format!(
                                "the value of {name} is not in double quotes: write \"{name}\": \"{text}\""
                            ),
                        );
                        Value::String(text)
                    }
                }
            }
        }
    }

    fn list(&mut self, name: &str) -> Vec<Value> {
        let mut items = Vec::new();
        loop {
            self.skip_space();
            match self.peek() {
                None => {
                    self.slip(self.line, format!("the list of {name} has no closing ] at its end: add one"));
                    return items;
                }
                Some(']') => {
                    self.next();
                    return items;
                }
                Some('}') => {
                    self.slip(self.line, format!("the list of {name} has no closing ] at its end: add one"));
                    return items;
                }
                _ => {}
            }
            items.push(self.value(name));
            self.skip_space();
            match self.peek() {
                Some(',') => {
                    let line = self.line;
                    self.next();
                    self.skip_space();
                    if self.peek() == Some(']') {
                        self.slip(line, "there is a comma after the last item of a list: remove it");
                    }
                }
                Some(']') | None | Some('}') => {}
                Some(_) => {
                    let line = self.line;
                    self.slip(line, "two items of a list have no comma between them: add one");
                }
            }
        }
    }

    /// The settings up to the closing `}` (or the file's end), each with its line.
    fn members(&mut self, inner: bool) -> Vec<(String, Value, usize)> {
        let mut members = Vec::new();
        loop {
            self.skip_space();
            let line = self.line;
            match self.peek() {
                None => {
                    if !inner {
                        let last = self.last_line();
                        self.slip(last, "the file does not end with }: add } on a line of its own at the end");
                    }
                    return members;
                }
                Some('}') => {
                    self.next();
                    return members;
                }
                _ => {}
            }
            let name = if self.peek() == Some('"') {
                self.next();
                self.quoted()
            } else {
                let start = self.at;
                let name: String = self.bare().split(':').next().unwrap_or_default().trim().to_string();
                // Back to the colon, if the bare name ran past it.
                self.rewind_to_colon(start, line);
                if name.is_empty() {
                    // Not a name at all (a stray bracket or comma): passed over.
                    if self.at == start {
                        self.next();
                    }
                    self.slip(line, "something here is not a setting: each setting is a name in double quotes, a colon : and its value");
                    continue;
                }
                self.slip(line, format!("the name {name} is not in double quotes: write \"{name}\""));
                name
            };
            self.skip_space();
            if self.peek() == Some(':') {
                self.next();
            } else {
                self.slip(line, format!("{name} has no colon : after it: write \"{name}\": and then its value"));
                self.skip_line();
                continue;
            }
            let value = self.value(&name);
            if !name.is_empty() {
                members.push((name, value, line));
            }
            self.skip_space();
            match self.peek() {
                Some(',') => {
                    let comma = self.line;
                    self.next();
                    self.skip_space();
                    if matches!(self.peek(), Some('}') | None) {
                        self.slip(comma, "there is a comma after the last setting: remove it");
                    }
                }
                Some('}') | None => {}
                Some(_) => {
                    let end = self.line_before_space();
                    self.slip(end, "there is no comma at the end of this line, before the next setting: add one");
                }
            }
        }
    }

    /// Where a bare name (read from `start`) ran on past its colon, steps
    /// back to the colon.
    fn rewind_to_colon(&mut self, start: usize, line: usize) {
        if let Some(colon) = self.chars[start..self.at].iter().position(|c| *c == ':') {
            self.at = start + colon;
            self.line = line;
        }
    }

    fn skip_line(&mut self) {
        while let Some(c) = self.next() {
            if c == '\n' {
                break;
            }
        }
    }

    /// The line of the last character before the current run of spaces.
    fn line_before_space(&self) -> usize {
        let mut at = self.at;
        let mut line = self.line;
        while at > 0 && self.chars[at - 1].is_whitespace() {
            at -= 1;
            if self.chars[at] == '\n' {
                line -= 1;
            }
        }
        line
    }

    /// The last line with something on it.
    fn last_line(&self) -> usize {
        self.line_before_space()
    }
}

fn is_plain_number(text: &str) -> bool {
    let digits = text.strip_prefix('-').unwrap_or(text);
    !digits.is_empty()
        && digits.chars().all(|c| c.is_ascii_digit() || c == '.')
        && !(digits.len() > 1 && digits.starts_with('0') && !digits.starts_with("0."))
}

/// Reads the settings from `text` as forgivingly as is safe.
pub fn read(text: &str) -> Read {
    let mut reader = Reader {
        chars: text.chars().collect(),
        at: 0,
        line: 1,
        slips: Vec::new(),
        depth: 0,
    };
    reader.skip_space();
    if reader.peek() == Some('{') {
        reader.next();
    } else {
        let line = reader.line;
        reader.slip(line, "the file does not start with {: add { on a line of its own at the start");
    }
    let members = reader.members(false);
    reader.skip_space();
    if reader.peek().is_some() {
        let line = reader.line;
        reader.slip(line, "there is something after the closing }: the settings must all be inside { and }");
    }
    let mut settings = Map::new();
    let mut lines = Vec::new();
    for (name, value, line) in members {
        lines.push((name.clone(), line));
        settings.insert(name, value);
    }
    Read {
        settings,
        lines,
        slips: reader.slips,
    }
}
