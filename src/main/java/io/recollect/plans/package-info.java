/** Hardship payment plans: negotiation, policy check, approval, and watching every instalment. */
package io.recollect.plans;
