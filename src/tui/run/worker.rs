//! The team's rebalance off the UI thread: seconds on a 10,000-person plan, during which the
//! view keeps drawing and answering keys (Esc closes the list; an edit makes the answer stale,
//! and [`Action::Rebalanced`] carries the revision it was computed for, so it is dropped).
//!
//! The worker gets its own copy of the plan and shares the catalog. A panic in it is caught
//! and reported in the view as a failed rebalance; the panic hooks stay quiet for its thread
//! ([`crate::fix::program::REBALANCE_THREAD`]), so neither a message nor a terminal reset
//! breaks into the screen.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, TryRecvError};

use crate::fix::program::REBALANCE_THREAD;
use crate::tui::action::Action;
use crate::tui::state::App;
use crate::tui::update::propose;

/// A rebalance being computed.
pub struct Worker {
    revision: u64,
    reply: Receiver<Action>,
}

impl Worker {
    /// Starts the rebalance of the plan as it is now. If no thread can be started, it is
    /// computed here and now instead (the view waits, as it did before there was a worker).
    pub fn start(app: &App) -> Worker {
        let (send, reply) = mpsc::channel();
        let catalog = Arc::clone(&app.catalog);
        let plan = app.plan.clone();
        let revision = app.revision;
        let work = move || {
            let action = catch_unwind(AssertUnwindSafe(|| propose(&catalog, &plan, revision)))
                .unwrap_or(Action::RebalanceFailed { revision });
            let _ = send.send(action);
        };
        let spawned = std::thread::Builder::new()
            .name(REBALANCE_THREAD.to_owned())
            .spawn(work);
        if spawned.is_err() {
            let (send, reply) = mpsc::channel();
            let _ = send.send(propose(&app.catalog, &app.plan, revision));
            return Worker { revision, reply };
        }
        Worker { revision, reply }
    }

    /// The worker's answer, if it has one; a worker gone without answering failed.
    pub fn answer(&self) -> Option<Action> {
        match self.reply.try_recv() {
            Ok(action) => Some(action),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(Action::RebalanceFailed {
                revision: self.revision,
            }),
        }
    }
}
