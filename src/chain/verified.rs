//! Proof that a log was verified: [`Verified`] (borrowing the records) and
//! [`VerifiedLog`] (owning them), made only by verification.

use serde::Serialize;

use super::{ChainError, Head, Sealed, verify, verify_against, verify_from};

/// A log whose chain has been verified, borrowing its records: the proof
/// that [`verify`](super::verify) (or [`verify_against`](super::verify_against))
/// accepted exactly these records, so that a reader may use them again and
/// again without hashing them again — [`Project::replay_verified`] and
/// [`Project::state_on_verified`] take one.
///
/// Only verification makes one ([`Verified::verify`],
/// [`Verified::verify_against`], or [`VerifiedLog::as_verified`] of a log
/// verified when it was made and at each record it took). Its fields are
/// private; it cannot be deserialized.
///
/// **What it guarantees.** The records, in this order, are an unbroken chain
/// from the empty log ([`Head::GENESIS`]) to [`head`](Verified::head): the
/// first has sequence number 1 and a zero `prev`; each next one the number
/// after and, as `prev`, the hash of the one before; each stores the hash of
/// its own contents (`prev`, `seq` and the canonical bytes of its event), so
/// every event is the one that was sealed. Made by
/// [`Verified::verify_against`], the head is also the head the host kept
/// apart: the log is neither truncated, extended nor rewritten against it.
///
/// The records are borrowed, so they cannot change while the proof lives:
/// a caller who wants to change a record must first let the `Verified` go,
/// and verify again afterwards.
///
/// **What it does not guarantee.** Everything the chain does not detect (see
/// the [module](super) docs): without a head, a log cut short is still a
/// valid chain; a whole log rewritten together with its head; a log of
/// another project. It says nothing of the law: replaying a verified log
/// still checks every event ([`Project::replay_verified`]). And it holds
/// only for event types without interior mutability (`Cell`, `RefCell`,
/// `Mutex`, …), which could change behind a shared borrow: the crate's
/// events have none.
///
/// [`Project::replay_verified`]: crate::lifecycle::Project::replay_verified
/// [`Project::state_on_verified`]: crate::lifecycle::Project::state_on_verified
///
/// ```
/// use skill_grants::chain::{self, ChainError, Head, Verified};
///
/// let (a, head) = chain::seal(Head::GENESIS, "opened")?;
/// let (b, head) = chain::seal(head, "paid")?;
/// let log = vec![a, b];
/// let verified = Verified::verify_against(&log, &head)?;
/// assert_eq!((verified.head(), verified.records().len()), (head, 2));
///
/// let mut forged = log.clone();
/// forged[1].event = "paid twice";
/// assert!(matches!(Verified::verify(&forged), Err(ChainError::Hash { index: 1, .. })));
/// # Ok::<(), ChainError>(())
/// ```
#[derive(Debug)]
pub struct Verified<'a, T> {
    records: &'a [Sealed<T>],
    head: Head,
}

// By hand: a derive would ask `T: Clone` / `T: Copy`, and only a reference
// and a head are copied.
impl<T> Clone for Verified<'_, T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Verified<'_, T> {}

impl<'a, T: Serialize> Verified<'a, T> {
    /// Verifies a whole log from its start ([`verify`](super::verify)) and
    /// returns the proof.
    ///
    /// ```
    /// use skill_grants::chain::{self, Head, Verified};
    ///
    /// let (a, head) = chain::seal(Head::GENESIS, 1u32)?;
    /// let log = [a];
    /// assert_eq!(Verified::verify(&log)?.head(), head);
    /// assert_eq!(Verified::<u32>::verify(&[])?.head(), Head::GENESIS);
    /// # Ok::<(), chain::ChainError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// As [`verify`](super::verify): the first fault, naming the record.
    pub fn verify(log: &'a [Sealed<T>]) -> Result<Verified<'a, T>, ChainError> {
        let head = verify(log)?;
        Ok(Verified { records: log, head })
    }

    /// Verifies a whole log and compares its end with the head the host
    /// kept ([`verify_against`](super::verify_against)), and returns the
    /// proof.
    ///
    /// ```
    /// use skill_grants::chain::{self, ChainError, Head, Verified};
    ///
    /// let (a, middle) = chain::seal(Head::GENESIS, 'a')?;
    /// let (b, end) = chain::seal(middle, 'b')?;
    /// let log = [a, b];
    /// assert_eq!(Verified::verify_against(&log, &end)?.head(), end);
    /// assert!(matches!(
    ///     Verified::verify_against(&log[..1], &end),
    ///     Err(ChainError::Truncated { .. })
    /// ));
    /// # Ok::<(), ChainError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// As [`verify_against`](super::verify_against): a fault in a record,
    /// or truncation, extension or a rewrite against `head`.
    pub fn verify_against(
        log: &'a [Sealed<T>],
        head: &Head,
    ) -> Result<Verified<'a, T>, ChainError> {
        let head = verify_against(log, head)?;
        Ok(Verified { records: log, head })
    }
}

impl<'a, T> Verified<'a, T> {
    /// The verified records, in the order verified.
    ///
    /// ```
    /// use skill_grants::chain::{self, Head, Verified};
    /// let (a, _) = chain::seal(Head::GENESIS, "opened")?;
    /// let log = [a];
    /// assert_eq!(Verified::verify(&log)?.records()[0].event, "opened");
    /// # Ok::<(), chain::ChainError>(())
    /// ```
    pub fn records(&self) -> &'a [Sealed<T>] {
        self.records
    }

    /// The head the records end at ([`Head::GENESIS`] for no records).
    ///
    /// ```
    /// use skill_grants::chain::{self, Head, Verified};
    /// let (a, head) = chain::seal(Head::GENESIS, "opened")?;
    /// assert_eq!(Verified::verify(&[a])?.head(), head);
    /// # Ok::<(), chain::ChainError>(())
    /// ```
    pub fn head(&self) -> Head {
        self.head
    }
}

/// A verified log that owns its records and grows only by verification: for
/// a host that keeps a log in memory and reads it many times (each record
/// it takes is hashed as it is taken, even one the host just sealed). It
/// gives out its records only to read, and lends a [`Verified`] proof of
/// them ([`VerifiedLog::as_verified`]) without hashing them again.
///
/// Made by [`VerifiedLog::verify`] or [`VerifiedLog::verify_against`] (the
/// whole log hashed once), or empty ([`VerifiedLog::new`]); it takes a
/// record only after verifying it against its head ([`VerifiedLog::push`],
/// [`VerifiedLog::extend`]), so that it guarantees what [`Verified`] does,
/// from the empty log to [`head`](VerifiedLog::head). Its fields are private;
/// it is not deserialized (store the records and the head; verify on load).
///
/// ```
/// use skill_grants::chain::{self, ChainError, Head, VerifiedLog};
///
/// let (a, head) = chain::seal(Head::GENESIS, "opened")?;
/// let mut log = VerifiedLog::verify(vec![a])?;
/// let (b, head) = chain::seal(head, "paid")?;
/// log.push(b.clone())?;
/// assert_eq!((log.head(), log.records().len()), (head, 2));
/// // A record that does not follow the head is refused and not taken.
/// assert!(matches!(log.push(b), Err(ChainError::Sequence { index: 0, expected: 3, found: 2 })));
/// assert_eq!(log.as_verified().head(), head);
/// # Ok::<(), ChainError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifiedLog<T> {
    records: Vec<Sealed<T>>,
    head: Head,
}

impl<T> Default for VerifiedLog<T> {
    fn default() -> Self {
        VerifiedLog {
            records: Vec::new(),
            head: Head::GENESIS,
        }
    }
}

impl<T: Serialize> VerifiedLog<T> {
    /// An empty log, at [`Head::GENESIS`].
    ///
    /// ```
    /// use skill_grants::chain::{Head, VerifiedLog};
    /// assert_eq!(VerifiedLog::<u8>::new().head(), Head::GENESIS);
    /// ```
    pub fn new() -> VerifiedLog<T> {
        VerifiedLog::default()
    }

    /// Verifies a whole log from its start ([`verify`](super::verify)) and
    /// keeps it.
    ///
    /// ```
    /// use skill_grants::chain::{self, Head, VerifiedLog};
    /// let (a, head) = chain::seal(Head::GENESIS, "opened")?;
    /// assert_eq!(VerifiedLog::verify(vec![a])?.head(), head);
    /// # Ok::<(), chain::ChainError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// As [`verify`](super::verify); the records are dropped.
    pub fn verify(records: Vec<Sealed<T>>) -> Result<VerifiedLog<T>, ChainError> {
        let head = verify(&records)?;
        Ok(VerifiedLog { records, head })
    }

    /// Verifies a whole log against the head the host kept
    /// ([`verify_against`](super::verify_against)) and keeps it.
    ///
    /// ```
    /// use skill_grants::chain::{self, ChainError, Head, VerifiedLog};
    /// let (a, head) = chain::seal(Head::GENESIS, "opened")?;
    /// assert_eq!(VerifiedLog::verify_against(vec![a.clone()], &head)?.head(), head);
    /// assert!(matches!(
    ///     VerifiedLog::verify_against(vec![a], &Head::GENESIS),
    ///     Err(ChainError::Extended { .. })
    /// ));
    /// # Ok::<(), ChainError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// As [`verify_against`](super::verify_against); the records are dropped.
    pub fn verify_against(
        records: Vec<Sealed<T>>,
        head: &Head,
    ) -> Result<VerifiedLog<T>, ChainError> {
        let head = verify_against(&records, head)?;
        Ok(VerifiedLog { records, head })
    }

    /// Takes one record, if it follows the head: verified as
    /// [`verify_from`](super::verify_from) verifies it (its hash computed
    /// once). Returns the new head.
    ///
    /// ```
    /// use skill_grants::chain::{self, Head, VerifiedLog};
    /// let mut log = VerifiedLog::new();
    /// let (a, head) = chain::seal(Head::GENESIS, "opened")?;
    /// assert_eq!(log.push(a)?, head);
    /// # Ok::<(), chain::ChainError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// As [`verify_from`](super::verify_from) from the head (the record at
    /// index 0); the log is unchanged.
    pub fn push(&mut self, record: Sealed<T>) -> Result<Head, ChainError> {
        self.head = verify_from(&self.head, std::slice::from_ref(&record))?;
        self.records.push(record);
        Ok(self.head)
    }

    /// Takes records that follow the head, all or none: verified as
    /// [`verify_from`](super::verify_from) verifies them. Returns the new
    /// head.
    ///
    /// ```
    /// use skill_grants::chain::{self, Head, VerifiedLog};
    /// let (a, head) = chain::seal(Head::GENESIS, 'a')?;
    /// let (b, head) = chain::seal(head, 'b')?;
    /// let mut log = VerifiedLog::new();
    /// assert!(log.extend(vec![b.clone()]).is_err()); // seq 2 cannot open a log
    /// assert_eq!(log.extend(vec![a, b])?, head);
    /// # Ok::<(), chain::ChainError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// As [`verify_from`](super::verify_from) from the head (indexes into
    /// `records`); the log is unchanged.
    pub fn extend(&mut self, records: Vec<Sealed<T>>) -> Result<Head, ChainError> {
        self.head = verify_from(&self.head, &records)?;
        self.records.extend(records);
        Ok(self.head)
    }
}

impl<T> VerifiedLog<T> {
    /// The verified records.
    ///
    /// ```
    /// use skill_grants::chain::VerifiedLog;
    /// assert!(VerifiedLog::<u8>::new().records().is_empty());
    /// ```
    pub fn records(&self) -> &[Sealed<T>] {
        &self.records
    }

    /// The head the records end at.
    ///
    /// ```
    /// use skill_grants::chain::{Head, VerifiedLog};
    /// assert_eq!(VerifiedLog::<u8>::new().head(), Head::GENESIS);
    /// ```
    pub fn head(&self) -> Head {
        self.head
    }

    /// The proof of the records, lent without hashing them again.
    ///
    /// ```
    /// use skill_grants::chain::{self, Head, VerifiedLog};
    /// let (a, head) = chain::seal(Head::GENESIS, "opened")?;
    /// let log = VerifiedLog::verify(vec![a])?;
    /// assert_eq!(log.as_verified().head(), head);
    /// # Ok::<(), chain::ChainError>(())
    /// ```
    pub fn as_verified(&self) -> Verified<'_, T> {
        Verified {
            records: &self.records,
            head: self.head,
        }
    }

    /// The records, giving up the proof.
    ///
    /// ```
    /// use skill_grants::chain::VerifiedLog;
    /// assert!(VerifiedLog::<u8>::new().into_records().is_empty());
    /// ```
    pub fn into_records(self) -> Vec<Sealed<T>> {
        self.records
    }
}
