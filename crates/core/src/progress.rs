//! Long work reports how far it got and asks whether to go on: the window shows a progress
//! bar with a cancel button, the command line a progress bar. A use case that is told to
//! stop returns [`crate::Error::Cancelled`] and its transaction is dropped: nothing changes.

/// How far long work got, as the window receives it (the `progress` event).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
pub struct ProgressReport {
    pub stage: String,
    #[ts(type = "number")]
    pub done: u64,
    #[ts(type = "number")]
    pub total: u64,
}

/// What long work calls as it goes.
pub trait Progress {
    /// `done` of `total` steps of the stage named `stage` (Vietnamese, shown as is).
    /// Returns `false` when the person asked to stop.
    fn step(&self, stage: &str, done: u64, total: u64) -> bool;
}

/// Work nobody watches (the tests, scripts): never stops.
pub struct Unwatched;

impl Progress for Unwatched {
    fn step(&self, _: &str, _: u64, _: u64) -> bool {
        true
    }
}

/// A store copy's pages, reported as the steps of `stage` (a backup, a restore).
pub fn pages<'a>(progress: &'a dyn Progress, stage: &'a str) -> impl FnMut(u64, u64) -> bool + 'a {
    move |done, total| progress.step(stage, done, total)
}

/// Counts steps and reports every `every`-th one (and the last), so a million records
/// do not become a million events.
pub struct Ticker<'a> {
    progress: &'a dyn Progress,
    stage: &'static str,
    done: u64,
    total: u64,
    every: u64,
}

impl<'a> Ticker<'a> {
    pub fn new(progress: &'a dyn Progress, stage: &'static str, total: u64) -> Ticker<'a> {
        Ticker {
            progress,
            stage,
            done: 0,
            total,
            every: (total / 200).max(1),
        }
    }

    /// Reports the stage at its start.
    pub fn start(&self) -> crate::Result<()> {
        self.report()
    }

    /// One more step done.
    pub fn tick(&mut self) -> crate::Result<()> {
        self.done += 1;
        if self.done.is_multiple_of(self.every) || self.done >= self.total {
            self.report()
        } else {
            Ok(())
        }
    }

    /// Reports the stage as finished.
    pub fn finish(&mut self) -> crate::Result<()> {
        self.done = self.total;
        self.report()
    }

    fn report(&self) -> crate::Result<()> {
        if self
            .progress
            .step(self.stage, self.done.min(self.total), self.total)
        {
            Ok(())
        } else {
            Err(crate::Error::Cancelled)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::RefCell;

    struct Log(RefCell<Vec<(u64, u64)>>, u64);

    impl Progress for Log {
        fn step(&self, _: &str, done: u64, total: u64) -> bool {
            self.0.borrow_mut().push((done, total));
            done < self.1
        }
    }

    #[test]
    fn a_ticker_reports_a_few_times_and_stops_when_told() {
        let log = Log(RefCell::new(Vec::new()), u64::MAX);
        let mut t = Ticker::new(&log, "Ghi", 1000);
        t.start().unwrap();
        for _ in 0..1000 {
            t.tick().unwrap();
        }
        let calls = log.0.borrow().len();
        assert!((200..=202).contains(&calls), "{calls} reports");
        assert_eq!(log.0.borrow().last(), Some(&(1000, 1000)));

        let stop = Log(RefCell::new(Vec::new()), 50);
        let mut t = Ticker::new(&stop, "Ghi", 1000);
        let stopped = (0..1000).map(|_| t.tick()).find(|r| r.is_err());
        assert_eq!(stopped.unwrap().unwrap_err().code(), "cancelled");
    }
}
