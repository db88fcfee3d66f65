// A patient answering self-referral's questions on their phone, from the
// name question to the page that sends the referral, as the specs that follow
// a referral into the clinic need it.
import { expect } from "./fixtures.mjs";
import { h1 } from "./clinic.mjs";

const next = (page) => page.getByRole("button", { name: "Continue" }).click();

/**
 * Answers every question from the name page on, with `answers`:
 * `name`, `called` (optional), `born` ([day, month, year]), `mobile`,
 * `bestTimes` (optional), `ownWords` (optional), `help` (a communication need's label, optional),
 * `language` (optional; "No" to an interpreter when absent). `atPractice`
 * runs on the practice question before it is answered, `onCheck` on the page
 * that checks the answers. Returns the email's text once the referral is
 * ready to send.
 */
export async function referYourself(phone, answers, { atPractice, onCheck } = {}) {
  await phone.getByLabel("Full name").fill(answers.name);
  if (answers.called) {
    await phone.getByLabel("What would you like us to call you? (optional)").fill(answers.called);
  }
  await next(phone);
  const [day, month, year] = answers.born;
  await phone.getByLabel("Day").fill(day);
  await phone.getByLabel("Month").fill(month);
  await phone.getByLabel("Year").fill(year);
  await next(phone);
  await phone.getByLabel("Text message").check();
  await phone.getByLabel("Mobile number").fill(answers.mobile);
  await next(phone);
  await expect(h1(phone)).toHaveText("When is it best to contact you?");
  await phone.getByLabel("Yes").check();
  if (answers.bestTimes) {
    await phone.getByLabel("Best days and times (optional)").fill(answers.bestTimes);
  }
  await next(phone);
  await phone.getByLabel("Feeling lonely or isolated").check();
  await next(phone);
  if (answers.ownWords) await phone.getByLabel("Tell us more in your own words (optional)").fill(answers.ownWords);
  await next(phone);
  await phone.getByLabel("None of these").check();
  await next(phone);
  await phone.getByLabel("I do not mind").check();
  await next(phone);
  await expect(h1(phone)).toHaveText("Do you need any help to communicate with us? (optional)");
  if (answers.help) await phone.getByLabel(answers.help).check();
  await next(phone);
  await expect(h1(phone)).toHaveText("Which language would you like to use?");
  if (answers.language) {
    await phone.getByLabel("Which language would you like to use?").fill(answers.language);
    await phone.getByLabel("Yes").check();
  } else {
    await phone.getByLabel("No", { exact: true }).check();
  }
  await next(phone);
  await expect(h1(phone)).toHaveText("What is the name of your GP practice?");
  if (atPractice) await atPractice();
  await next(phone);
  await phone.getByLabel(/I agree to a link worker/).check();
  await phone.getByLabel("Yes").check();
  await next(phone);
  if (onCheck) await onCheck();
  return confirmAndSend(phone);
}

/** Sends the checked referral; returns the email's text. */
async function confirmAndSend(phone) {
  await phone.getByRole("button", { name: "Confirm and send" }).click();
  await expect(h1(phone)).toHaveText("Your referral is ready to send");
  const mailto = decodeURIComponent(await phone.getByRole("button", { name: "Email my referral" }).getAttribute("href"));
  return mailto.split("&body=")[1];
}
