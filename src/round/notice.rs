//! The public notice (公示, 5, R9): its start, the objections raised during
//! it, and the release of the subsidies after it.

use chrono::NaiveDate;

use super::error::{RoundError, Stage, Step};
use super::inputs::{NoticePeriod, Objection, ObjectionRecord};
use super::law;
use super::steps::{At, Round};
use super::verdict::{Funding, Verdict};
use crate::date::HolidayCalendar;
use crate::domain::ApplicationId;
use crate::domain::ProjectKind;
#[cfg(doc)]
use crate::policy::Policy;

impl Round {
    /// Starts the public notice (公示, 5) on `start`; it ends on the policy's
    /// [`Policy::notice_working_days`]-th working day, counted from `start`
    /// ([`HolidayCalendar::nth_working_day`]). The notice lists every
    /// selected, funded candidate.
    ///
    /// # Law
    ///
    /// 5 and R9 (the notice's working days): [`Step::StartNotice`].
    ///
    /// # Errors
    ///
    /// [`RoundError::OutOfOrder`] unless the round is reviewed;
    /// [`RoundError::NoticeBeforeReference`]; [`RoundError::Calendar`] when
    /// the calendar cannot count the days; [`RoundError::NoticePastPolicy`]
    /// when the notice would end on or after the policy's last day in force,
    /// leaving no day to release the subsidies under it.
    ///
    /// # Example
    ///
    /// ```
    /// use skill_grants::round::Stage;
    /// use skill_grants::{sample, NaiveDate};
    /// let round = sample::round_2022()?; // the sample's notice, 2022
    /// let notice = round.notice().ok_or("no notice")?;
    /// assert_eq!(notice.starts_on, sample::notice_start_2022());
    /// assert!(notice.ends_on > notice.starts_on);
    /// assert_eq!(round.stage(), Stage::Final);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn start_notice(
        &mut self,
        start: NaiveDate,
        calendar: &HolidayCalendar,
    ) -> Result<NoticePeriod, RoundError> {
        self.expect(Step::StartNotice)?;
        if start < self.reference_date {
            return Err(RoundError::NoticeBeforeReference {
                start,
                reference: self.reference_date,
            });
        }
        let ends_on = calendar
            .nth_working_day(start, self.policy.notice_working_days())
            .map_err(RoundError::Calendar)?;
        if let Some(until) = self.policy.effective_until() {
            if ends_on >= until {
                return Err(RoundError::NoticePastPolicy {
                    ends_on,
                    policy: self.policy.id().to_owned(),
                    until,
                });
            }
        }
        let period = NoticePeriod {
            starts_on: start,
            ends_on,
        };
        self.notice = Some(period);
        self.stage = Stage::Notice;
        Ok(period)
    }

    /// Records an objection (异议, 5) received during the notice. An upheld
    /// one removes the candidate and returns its draws to the funds; if
    /// [`Policy::move_up_on_objection`], the best-ranked candidate of the same
    /// kind below the line moves up and is funded by the same rule from what
    /// the funds now hold. Projects already funded keep their draws.
    ///
    /// Returns the candidate that moved up, if any.
    ///
    /// # Law
    ///
    /// 5 and R9 (an upheld objection removes; moving up is a *parameter*),
    /// the payment R4 ([`law::pay`]): [`Step::RecordObjection`].
    ///
    /// # Errors
    ///
    /// Nothing is recorded when: the notice is not running
    /// ([`RoundError::OutOfOrder`]); the objection names a candidate not on
    /// the notice ([`RoundError::NotOnNotice`]) or was received outside it
    /// ([`RoundError::ObjectionOutsideNotice`]); money overflows
    /// ([`RoundError::Money`]).
    ///
    /// # Example
    ///
    /// ```
    /// let round = skill_grants::sample::round_2022()?; // two objections, one upheld
    /// let upheld: Vec<_> = round.objections().iter().filter(|o| o.objection.upheld).collect();
    /// assert_eq!(upheld.len(), 1);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn record_objection(
        &mut self,
        objection: Objection,
    ) -> Result<Option<ApplicationId>, RoundError> {
        self.expect(Step::RecordObjection)?;
        let Some(period) = self.notice else {
            return Err(RoundError::OutOfOrder {
                step: Step::RecordObjection,
                expected: Stage::Notice,
                stage: self.stage,
            });
        };
        let Some((at, kind)) = self.find_on_notice(&objection.application) else {
            return Err(RoundError::NotOnNotice {
                application: objection.application,
            });
        };
        if !period.contains(objection.received_on) {
            return Err(RoundError::ObjectionOutsideNotice {
                application: objection.application,
                received_on: objection.received_on,
                starts_on: period.starts_on,
                ends_on: period.ends_on,
            });
        }
        let index = self.objections.len();
        if !objection.upheld {
            self.objections.push(ObjectionRecord {
                objection,
                moved_up: None,
            });
            return Ok(None);
        }
        // Work on a copy of the balances; commit only when all succeeded.
        let mut balances = self.balances;
        let returned = match self.candidate(at).map(|c| &c.verdict) {
            Some(Verdict::Selected {
                funding: Funding::Funded { draws, .. },
                ..
            }) => draws.clone(),
            _ => Vec::new(),
        };
        for d in &returned {
            let balance = balances.slot(d.fund);
            *balance = balance.checked_add(d.amount).map_err(RoundError::Money)?;
        }
        let next = if self.policy.move_up_on_objection() {
            self.next_in_rank(kind)
        } else {
            None
        };
        let moved = match next {
            Some(next) => {
                let funding = law::pay(
                    self.policy.funding_order(),
                    &mut balances,
                    self.policy.subsidy(kind),
                )
                .map_err(RoundError::Money)?;
                Some((next, funding))
            }
            None => None,
        };
        // Commit.
        if let Some(c) = self.candidate_mut(at) {
            c.verdict = Verdict::Removed {
                objection: index,
                returned,
            };
        }
        let mut moved_up = None;
        if let Some((next, funding)) = moved {
            if let Some(c) = self.candidate_mut(next) {
                c.verdict = Verdict::Selected {
                    funding,
                    moved_up_for: Some(objection.application.clone()),
                };
                moved_up = Some(c.application.id.clone());
            }
        }
        self.balances = balances;
        self.objections.push(ObjectionRecord {
            objection,
            moved_up: moved_up.clone(),
        });
        Ok(moved_up)
    }

    /// The selected, funded candidate with this application id, and its kind.
    fn find_on_notice(&self, application: &ApplicationId) -> Option<(At, ProjectKind)> {
        self.lists.iter().enumerate().find_map(|(li, l)| {
            l.candidates.iter().enumerate().find_map(|(ci, c)| {
                let on_notice = matches!(
                    c.verdict,
                    Verdict::Selected {
                        funding: Funding::Funded { .. },
                        ..
                    }
                );
                (on_notice && c.application.id == *application).then_some(((li, ci), l.kind))
            })
        })
    }

    /// The best-ranked candidate of a kind below the line.
    fn next_in_rank(&self, kind: ProjectKind) -> Option<At> {
        self.lists
            .iter()
            .enumerate()
            .filter(|(_, l)| l.kind == kind)
            .flat_map(|(li, l)| {
                l.candidates
                    .iter()
                    .enumerate()
                    .map(move |(ci, c)| ((li, ci), c))
            })
            .filter(|(_, c)| matches!(c.verdict, Verdict::NotSelected { .. }))
            .min_by_key(|(_, c)| c.city_rank.unwrap_or(u32::MAX))
            .map(|(at, _)| at)
    }

    /// Releases the subsidies (下达资金, 5) on `on`, a day after the notice's
    /// last day and within the policy's effective period; the round is final
    /// and its projects are created.
    ///
    /// # Law
    ///
    /// 5 (without objection, the year's subsidy is released):
    /// [`Step::Release`].
    ///
    /// # Errors
    ///
    /// [`RoundError::OutOfOrder`] unless the notice is running;
    /// [`RoundError::ReleaseBeforeNoticeEnds`];
    /// [`RoundError::ReleaseOutsidePolicy`] when the policy is not in force
    /// on `on` (a date such as `+262142-12-31` would leave every project
    /// without a computable deadline).
    ///
    /// # Example
    ///
    /// ```
    /// use skill_grants::{round::Stage, sample};
    /// let round = sample::round_2022()?;
    /// assert_eq!(round.stage(), Stage::Final);
    /// assert_eq!(round.released_on(), Some(sample::release_2022()));
    /// assert!(!round.projects().is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn release(&mut self, on: NaiveDate) -> Result<(), RoundError> {
        self.expect(Step::Release)?;
        let Some(period) = self.notice else {
            return Err(RoundError::OutOfOrder {
                step: Step::Release,
                expected: Stage::Notice,
                stage: self.stage,
            });
        };
        if on <= period.ends_on {
            return Err(RoundError::ReleaseBeforeNoticeEnds {
                release: on,
                notice_end: period.ends_on,
            });
        }
        if !self.policy.is_in_force(on) {
            return Err(RoundError::ReleaseOutsidePolicy {
                release: on,
                policy: self.policy.id().to_owned(),
                from: self.policy.effective_from(),
                until: self.policy.effective_until(),
            });
        }
        self.released_on = Some(on);
        self.stage = Stage::Final;
        Ok(())
    }
}
