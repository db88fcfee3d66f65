//! The home area's bundle: mounts the app with that area's pages only.

use social_prescribing::{domain::site::Area, ui};

fn main() {
    ui::mount_keeping_nothing(Area::Home, ui::areas::home);
}
