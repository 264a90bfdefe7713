//! What the store needs from its surroundings besides storage — the clock, fresh ids, this tab's id, saving a file — and the browser's bridges that give it.

use wasm_bindgen::JsCast;

/// The store's surroundings: the browser's (`Browser`), or fakes in native
/// tests. Storage is the other half, behind `storage::KeyValue`.
pub trait Host: 'static {
    /// Now, in milliseconds since the Unix epoch (vote locks age by it).
    fn now_ms(&self) -> f64;
    /// Now, as an ISO 8601 timestamp (snapshots and files carry it).
    fn now_iso(&self) -> String;
    /// A fresh random id below 2^53.
    fn new_id(&self) -> u64;
    /// This tab's id: made once per tab and kept across reloads of it.
    fn tab_id(&self) -> String;
    /// Offers `text` as a file named `name`; false when it was refused.
    fn download(&self, name: &str, mime: &str, text: &str) -> bool;
}

/// The browser: its clock, `Math.random`, sessionStorage and downloads.
#[derive(Clone, Copy, Debug, Default)]
pub struct Browser;

impl Host for Browser {
    fn now_ms(&self) -> f64 {
        js_sys::Date::now()
    }

    fn now_iso(&self) -> String {
        now_iso()
    }

    fn new_id(&self) -> u64 {
        new_id()
    }

    fn tab_id(&self) -> String {
        tab_id()
    }

    fn download(&self, name: &str, mime: &str, text: &str) -> bool {
        download(name, mime, text)
    }
}

/// A random id below 2^53, so it survives any JSON reader.
pub fn new_id() -> u64 {
    let random = js_sys::Math::random() * 9_007_199_254_740_991.0;
    (random as u64).max(1)
}

/// Now, as an ISO 8601 timestamp.
pub fn now_iso() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

/// This tab's id, kept in sessionStorage (`thidua.tab`) so that a reload
/// of the tab running a vote goes on running it.
fn tab_id() -> String {
    const KEY: &str = "thidua.tab";
    let session = web_sys::window().and_then(|w| w.session_storage().ok().flatten());
    if let Some(id) = session
        .as_ref()
        .and_then(|s| s.get_item(KEY).ok().flatten())
    {
        return id;
    }
    let id = format!("{:x}", new_id());
    if let Some(s) = session {
        // Unkept, a reload of this tab only counts as another tab.
        let _ = s.set_item(KEY, &id);
    }
    id
}

/// How long a download's object URL is kept alive after the click.
pub const KEEP_DOWNLOAD_URL_SECS: u64 = 60;

/// Offers `text` as a file download named `name`. Returns false when the
/// browser refused (the caller says so on screen).
pub fn download(name: &str, mime: &str, text: &str) -> bool {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return false;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return false;
    };
    let done = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("a").ok())
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok())
        .map(|a| {
            a.set_href(&url);
            a.set_download(name);
            a.click();
        })
        .is_some();
    // The click only starts the download: the URL must live until the
    // browser has read the blob (some lose the file if it is revoked at
    // once). It is freed after a minute, or when the page goes away.
    leptos::prelude::set_timeout(
        move || {
            // Revoking a URL already gone is harmless.
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(KEEP_DOWNLOAD_URL_SECS),
    );
    done
}

/// A chosen file's text, or why there is none: a file refused before it
/// was read (too large), or `None` when the browser could not read it.
pub type FileText = Result<String, Option<crate::exchange::FileError>>;

/// The chosen files' texts, by name. A file above `MAX_FILE_BYTES` is
/// refused by its size, without reading it.
pub async fn read_files(files: Vec<web_sys::File>) -> Vec<(String, FileText)> {
    use crate::exchange::{FileError, MAX_FILE_BYTES};
    let mut out = Vec::new();
    for file in files {
        let name = file.name();
        if file.size() > MAX_FILE_BYTES as f64 {
            let too_large = FileError::TooLarge {
                bytes: file.size() as usize,
                limit: MAX_FILE_BYTES,
            };
            out.push((name, Err(Some(too_large))));
            continue;
        }
        let text = wasm_bindgen_futures::JsFuture::from(file.text())
            .await
            .ok()
            .and_then(|v| v.as_string());
        out.push((name, text.ok_or(None)));
    }
    out
}

/// Marks a step of start-up on the browser's performance timeline
/// (`thidua:<step>`), for the start-up benchmark's breakdown; nothing
/// outside the browser. A mark the browser refuses only leaves the
/// breakdown without it.
pub fn mark(step: &str) {
    #[cfg(target_arch = "wasm32")]
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(&format!("thidua:{step}"));
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = step;
}
