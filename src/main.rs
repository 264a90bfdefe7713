//! Entry point: the panic screen, then the app.

fn main() {
    thidua::host::mark("main");
    thidua::ui::panic::install_hook();
    leptos::mount::mount_to_body(thidua::ui::App);
    thidua::host::mark("mounted");
}
