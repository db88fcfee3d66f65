//! Sharing a plan by a QR code and receiving a shared one: mounts the app
//! with that area's pages only, so the plan's own pages leave out the QR
//! encoder and the browser's compression.

use social_prescribing::{domain::site::Area, ui};

fn main() {
    ui::mount(Area::PlanShare, ui::areas::plan_share);
}
