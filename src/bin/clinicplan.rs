//! The bundle of a person's plan made at the clinic: mounts the app with
//! that area's pages only.

use social_prescribing::{domain::site::Area, ui};

fn main() {
    ui::mount_reading_first(
        Area::ClinicPlan,
        ui::areas::clinic_plan,
        ui::areas::read_clinic_first,
    );
}
