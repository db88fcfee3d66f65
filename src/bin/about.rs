//! The privacy and accessibility statements' bundle: mounts the app with
//! those pages only. They keep nothing on the device, as home does.

use social_prescribing::{domain::site::Area, ui};

fn main() {
    ui::mount_keeping_nothing(Area::About, ui::areas::about);
}
