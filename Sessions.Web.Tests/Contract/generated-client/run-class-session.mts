// A mobile app's first class, through a client generated from /openapi/v1.json (generated/schema.d.ts, made by openapi-typescript
// just before tsc checks this file): sign in, list classes, start the next session, join it as a student, read the
// attendance. Every request and answer is typed by the generated schema; any unexpected answer exits non-zero.
import createClient from "openapi-fetch";
import type { paths } from "./generated/schema.js";

declare const process: { env: Record<string, string | undefined>; exitCode?: number };

function setting(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set`);
  }
  return value;
}

function fail(step: string, response: Response, error: unknown): never {
  throw new Error(`${step}: ${response.status} ${JSON.stringify(error)}`);
}

const baseUrl = setting("SESSIONS_URL").replace(/\/$/, "");
const password = setting("PASSWORD");

async function signIn(email: string) {
  const anonymous = createClient<paths>({ baseUrl });
  const { data, error, response } = await anonymous.POST("/api/auth/login", { body: { email, password } });
  if (!data) {
    fail(`sign in ${email}`, response, error);
  }
  return createClient<paths>({ baseUrl, headers: { Authorization: `Bearer ${data.accessToken}` } });
}

const educator = await signIn(setting("EDUCATOR_EMAIL"));
const student = await signIn(setting("STUDENT_EMAIL"));

const classes = await educator.GET("/api/me/classes");
if (!classes.data) {
  fail("list classes", classes.response, classes.error);
}
const next = classes.data.items.map(c => c.nextSession).find(s => s != null);
if (!next) {
  throw new Error(`no class has a next session: ${JSON.stringify(classes.data)}`);
}

const started = await educator.POST("/api/sessions/{id}/start", { params: { path: { id: next.id } } });
if (!started.data) {
  fail("start", started.response, started.error);
}
const sessionId: string = started.data.data.session.id;

const joined = await student.POST("/api/sessions/{id}/join", { params: { path: { id: sessionId } } });
if (!joined.data || joined.data.rtcToken.length === 0) {
  fail("join", joined.response, joined.error);
}

const attendance = await educator.GET("/api/sessions/{id}/attendance", { params: { path: { id: sessionId } } });
if (!attendance.data) {
  fail("attendance", attendance.response, attendance.error);
}
const present = attendance.data.students.find(s => s.firstJoinedAt != null);
if (!present) {
  throw new Error(`nobody attended: ${JSON.stringify(attendance.data)}`);
}

console.log(JSON.stringify({ sessionId, attendedBy: present.userId }));
