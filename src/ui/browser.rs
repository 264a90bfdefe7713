//! Small bridges to the browser: the hash, random ids, Vietnamese collation.

use std::cmp::Ordering;

use wasm_bindgen::JsValue;

use super::route::Route;

pub fn current_hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

pub fn navigate(route: Route) {
    if let Some(window) = web_sys::window() {
        // Setting the hash cannot fail for a same-document URL.
        let _ = window.location().set_hash(&route.href());
    }
}

/// Shows `route` in place of the current history entry (no new entry,
/// so Back does not lead to it again).
pub fn replace_route(route: Route) {
    if let Some(window) = web_sys::window() {
        // Replacing the hash of the same document cannot fail.
        let _ = window.location().replace(&route.href());
    }
}

/// A random id below 2^53, so it survives any JSON reader.
pub fn new_id() -> u64 {
    let random = js_sys::Math::random() * 9_007_199_254_740_991.0;
    (random as u64).max(1)
}

thread_local! {
    static COLLATOR: Option<js_sys::Function> = {
        let locales = js_sys::Array::of1(&JsValue::from_str("vi"));
        let collator = js_sys::Intl::Collator::new(&locales, &js_sys::Object::new());
        Some(collator.compare())
    };
}

/// Compares two names the way a Vietnamese reader sorts them
/// (`Intl.Collator('vi')`): "Đ" after "D", tones after the base letter.
pub fn compare_vi(a: &str, b: &str) -> Ordering {
    COLLATOR.with(|compare| {
        let Some(compare) = compare else {
            return a.cmp(b);
        };
        match compare
            .call2(&JsValue::NULL, &JsValue::from_str(a), &JsValue::from_str(b))
            .ok()
            .and_then(|v| v.as_f64())
        {
            Some(n) if n < 0.0 => Ordering::Less,
            Some(n) if n > 0.0 => Ordering::Greater,
            Some(_) => Ordering::Equal,
            None => a.cmp(b),
        }
    })
}

pub fn set_document_lang(code: &str) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("lang", code);
    }
}

/// Offers `text` as a file download named `name`. Returns false when the
/// browser refused (the caller says so on screen).
pub fn download(name: &str, mime: &str, text: &str) -> bool {
    use wasm_bindgen::JsCast;
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

/// How long a download's object URL is kept alive after the click.
pub const KEEP_DOWNLOAD_URL_SECS: u64 = 60;

/// Now, as an ISO 8601 timestamp.
pub fn now_iso() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

/// A file name from free text: letters, digits and dashes, no accents
/// removed (browsers keep UTF-8 names).
pub fn file_slug(text: &str) -> String {
    let slug: String = text
        .split_whitespace()
        .collect::<Vec<_>>()
        .join("-")
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == '-')
        .collect();
    if slug.is_empty() {
        "thidua".into()
    } else {
        slug
    }
}
