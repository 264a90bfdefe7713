//! The panic screen: a readable message and the way back, never a blank
//! page. Built with plain DOM calls because the app itself has stopped.

use std::panic::PanicHookInfo;

use crate::i18n::{Lang, Text};

pub fn install_hook() {
    std::panic::set_hook(Box::new(show_panic_screen));
}

fn show_panic_screen(info: &PanicHookInfo<'_>) {
    let message = info.to_string();
    web_sys::console::error_1(&message.as_str().into());
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = document.body() else { return };
    let Ok(screen) = document.create_element("div") else {
        return;
    };
    screen.set_class_name("panic-screen");
    let _ = screen.set_attribute("role", "alert");
    let _ = screen.set_attribute("data-testid", "panic-screen");
    let parts: [(&str, String); 5] = [
        ("h1", both_languages(Text::PanicTitle)),
        ("p", both_languages(Text::PanicDataSafe)),
        ("p", both_languages(Text::PanicReport)),
        ("pre", message),
        ("button", both_languages(Text::PanicReload)),
    ];
    for (tag, text) in parts {
        let Ok(element) = document.create_element(tag) else {
            continue;
        };
        // Text, never HTML: the message may hold user data.
        element.set_text_content(Some(&text));
        if tag == "button" {
            let _ = element.set_attribute("data-testid", "panic-reload");
            let _ = element.set_attribute("onclick", "location.hash = '#/'; location.reload();");
        }
        let _ = screen.append_child(&element);
    }
    body.set_inner_html("");
    let _ = body.append_child(&screen);
}

/// The screen speaks both languages: the store that knows which one was
/// chosen may be what failed.
fn both_languages(text: Text) -> String {
    format!("{} / {}", text.in_lang(Lang::Vi), text.in_lang(Lang::En))
}
