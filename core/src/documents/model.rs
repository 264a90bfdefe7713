//! The document model: what a printed page says, not how it looks.

use std::fmt;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Header {
    /// The issuing body's parent, upper case.
    pub parent: String,
    /// The issuing body (the cluster), upper case.
    pub issuer: String,
    /// "Số: ……/BB-CTĐ", left to fill in.
    pub number: String,
    pub nation: String,
    pub motto: String,
    /// "Hà Nội, ngày 03 tháng 10 năm 2024".
    pub place_date: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table {
    pub head: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// Columns to align right (numbers).
    pub numeric: Vec<bool>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    Heading(String),
    Paragraph(String),
    Items(Vec<String>),
    Table(Table),
}

/// One signature block: the title above, the name below the space left
/// for the signature.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Signature {
    pub title: String,
    pub name: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Document {
    pub header: Header,
    pub title: String,
    pub subtitle: Option<String>,
    pub blocks: Vec<Block>,
    pub signatures: Vec<Signature>,
    /// The results fingerprint, with its explanation.
    pub fingerprint: Option<String>,
}

/// A plain-text form of the document, for snapshot tests and for reading
/// a document without a browser.
impl fmt::Display for Document {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let h = &self.header;
        writeln!(f, "{} | {}", h.parent, h.nation)?;
        writeln!(f, "{} | {}", h.issuer, h.motto)?;
        writeln!(f, "{} | {}", h.number, h.place_date)?;
        writeln!(f)?;
        writeln!(f, "# {}", self.title)?;
        if let Some(subtitle) = &self.subtitle {
            writeln!(f, "## {subtitle}")?;
        }
        for block in &self.blocks {
            writeln!(f)?;
            match block {
                Block::Heading(text) => writeln!(f, "### {text}")?,
                Block::Paragraph(text) => writeln!(f, "{text}")?,
                Block::Items(items) => {
                    for item in items {
                        writeln!(f, "- {item}")?;
                    }
                }
                Block::Table(table) => {
                    writeln!(f, "| {} |", table.head.join(" | "))?;
                    for row in &table.rows {
                        writeln!(f, "| {} |", row.join(" | "))?;
                    }
                }
            }
        }
        if let Some(fingerprint) = &self.fingerprint {
            writeln!(f)?;
            writeln!(f, "{fingerprint}")?;
        }
        writeln!(f)?;
        for signature in &self.signatures {
            writeln!(f, "[{}] {}", signature.title, signature.name)?;
        }
        Ok(())
    }
}
