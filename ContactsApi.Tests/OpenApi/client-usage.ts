// A client's calls, written against the types openapi-typescript generates from the service's own
// OpenAPI document (contacts-api.d.ts, put beside this file by OpenApiToolTests). tsc checks it: an
// operation, field, enum or requirement the document loses or gets wrong fails the suite.
import type { components, operations } from "./contacts-api";

type Operation = keyof operations;
type Json<Part> = Part extends { content: { "application/json": infer Body } } ? Body : never;
type RequestBody<Op extends Operation> = Json<NonNullable<operations[Op]["requestBody"]>>;
type Answer<Op extends Operation, Status extends keyof operations[Op]["responses"]> = Json<operations[Op]["responses"][Status]>;
type Query<Op extends Operation> = NonNullable<operations[Op]["parameters"]["query"]>;
type Problem = components["schemas"]["ErrorBody"];

const base = "http://localhost:5000";

async function send<Result>(method: string, path: string, token: string | null, body?: unknown): Promise<Result> {
  const response = await fetch(base + path, {
    method,
    headers: { "Content-Type": "application/json", ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) {
    const problem = (await response.json()) as Problem;
    throw new Error(`${problem.status} ${problem.title}: ${problem.message}`);
  }
  return (await response.json()) as Result;
}

function queryString(query: Record<string, string | number | undefined>): string {
  const pairs = Object.entries(query).filter(([, value]) => value !== undefined).map(([key, value]) => [key, String(value)]);
  return pairs.length === 0 ? "" : "?" + new URLSearchParams(pairs).toString();
}

export async function login(credentials: RequestBody<"login">): Promise<string> {
  return (await send<Answer<"login", 200>>("POST", "/api/users/login", null, credentials)).token;
}

export function createContact(token: string, contact: RequestBody<"createContact">) {
  return send<Answer<"createContact", 201>>("POST", "/api/contacts", token, contact);
}

export function listContacts(token: string, query: Query<"listContacts">) {
  return send<Answer<"listContacts", 200>>("GET", "/api/contacts" + queryString(query), token);
}

export function addPhone(token: string, id: string, phone: RequestBody<"addPhone">) {
  return send<Answer<"addPhone", 201>>("POST", `/api/contacts/${encodeURIComponent(id)}/phones`, token, phone);
}

export function updateSubscription(token: string, change: RequestBody<"updateSubscription">) {
  return send<Answer<"updateSubscription", 200>>("PATCH", "/api/users", token, change);
}

export function listUsers(token: string, query: Query<"listUsers">) {
  return send<Answer<"listUsers", 200>>("GET", "/users" + queryString(query), token);
}

export async function backUpAPhoneBook(): Promise<string[]> {
  const token = await login({ email: "chaim@example.com", password: "exA7$mpless" });
  const created = await createContact(token, { name: "Chaim Lewise", email: "is@n.net", phone: "+38(099)212-5453", favorite: true });
  const withWork = await addPhone(token, created._id, { number: "(294) 840-6685", label: "work" });
  const page = await listContacts(token, { sort: "createdAt", order: "desc", limit: 50, favorite: "true" });
  const owner: string | undefined = page.data[0]?.owner?.email;
  const plan: string = (await updateSubscription(token, { subscription: "business" })).subscription;
  const everyone = await listUsers(token, { include: "contacts", page: 1 });
  const theirContacts: number = everyone.data.reduce((sum, user) => sum + (user.contacts?.length ?? 0), 0);
  return [...withWork.phones.map(p => `${p._id} ${p.label}: ${p.number}`), `${page.total} ${owner} ${plan} ${theirContacts}`];
}

// What the document forbids, the types must forbid too: each call below is a compile error, and tsc
// fails on a @ts-expect-error that has no error to expect.
export async function mistakes(token: string, id: string): Promise<void> {
  // @ts-expect-error name is required
  await createContact(token, { email: "is@n.net", phone: "+38(099)212-5453" });
  // @ts-expect-error email is required
  await createContact(token, { name: "Chaim Lewise", phone: "+38(099)212-5453" });
  // @ts-expect-error a field the service doesn't take
  await createContact(token, { name: "Chaim Lewise", email: "is@n.net", phone: "+38(099)212-5453", nickname: "Chaim" });
  // @ts-expect-error sort takes only the listed keys
  await listContacts(token, { sort: "nickname" });
  // @ts-expect-error order is asc or desc
  await listContacts(token, { order: "up" });
  // @ts-expect-error limit is a number
  await listContacts(token, { limit: "50" });
  // @ts-expect-error subscription is starter, pro or business
  await updateSubscription(token, { subscription: "gold" });
  // @ts-expect-error a number's label is text
  await addPhone(token, id, { number: "(294) 840-6685", label: 3 });
  // @ts-expect-error a phone needs its label
  await addPhone(token, id, { number: "(294) 840-6685" });
  // @ts-expect-error include takes only contacts
  await listUsers(token, { include: "sessions" });
}
