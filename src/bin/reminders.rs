//! The reminders area's bundle: mounts the app with that area's pages only.

use social_prescribing::{domain::site::Area, ui};

fn main() {
    ui::mount_reading_first(
        Area::Reminders,
        ui::areas::reminders,
        ui::areas::read_clinic_first,
    );
}
