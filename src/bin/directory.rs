//! The directory area's bundle: mounts the app with that area's pages only.

use social_prescribing::{domain::site::Area, ui};

fn main() {
    ui::mount(Area::Directory, ui::areas::directory);
}
