//! Small bridges to the browser for the screens: the hash, Vietnamese collation, the document's language.

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

/// Moves the focus (and so the view) to the first element matching
/// `selector`, if there is one; a failed focus leaves the page as it was.
pub fn focus_first(selector: &str) {
    use wasm_bindgen::JsCast;
    if let Some(element) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector(selector).ok().flatten())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = element.focus();
    }
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

// issue 16 hall: the hall's window, its reload and full screen.

/// Starts the app anew at the current address (the hall window and the
/// app are started apart: see `ui::App`).
pub fn reload() {
    if let Some(window) = web_sys::window() {
        // A reload of the same document cannot fail.
        let _ = window.location().reload();
    }
}

/// Opens `route` of this same page (served or `file://`) in a second
/// window. `noopener`: the new window gets its own session, so it never
/// takes this tab's id (and with it the vote this tab runs).
pub fn open_window(route: Route) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let href = window.location().href().unwrap_or_default();
    let page = href.split('#').next().unwrap_or_default();
    let url = format!("{page}{}", route.href());
    window
        .open_with_url_and_target_and_features(&url, "_blank", "noopener")
        .is_ok()
}

/// Full screen on, or off when on (the Fullscreen API; a refusal leaves
/// the window as it is).
pub fn toggle_full_screen() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if document.fullscreen_element().is_some() {
        document.exit_fullscreen();
    } else if let Some(root) = document.document_element() {
        let _ = root.request_fullscreen();
    }
}
