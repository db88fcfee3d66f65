//! The plan's passphrase's bundle: mounts the app with that area's page only.

use social_prescribing::{domain::site::Area, ui};

fn main() {
    ui::mount(Area::PlanLock, ui::areas::plan_lock);
}
