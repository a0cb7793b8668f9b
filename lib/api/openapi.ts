// The OpenAPI 3.1 description of /api/v1. Paths and responses are written by
// hand; request bodies come from the same zod schemas that validate them, so
// the document cannot drift from what the API accepts.
import { z } from "zod";
import { COMMAND_ACTIONS } from "../ocpp/command-actions.ts";
import { ZCommandBody } from "./commands.ts";
import { ZCreateStation, ZSetOcppPassword, ZUpdateStation } from "./stations.ts";
import { ZCreateToken, ZUpdateToken } from "./tokens.ts";
import { DEFAULT_LIMIT, MAX_LIMIT } from "./pagination.ts";

type Json = Record<string, unknown>;

function bodySchema(schema: z.ZodType): Json {
  const s = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as Json;
  delete s.$schema;
  // zod's date-time regex is exact but unreadable; "format" says the same.
  return JSON.parse(JSON.stringify(s, (k, v) => (k === "pattern" && typeof v === "string" && v.length > 80 ? undefined : v)));
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const str = { type: "string" };
const nstr = { type: ["string", "null"] };
const date = { type: "string", format: "date-time" };
const ndate = { type: ["string", "null"], format: "date-time" };
const int = { type: "integer" };
const nint = { type: ["integer", "null"] };
const num = { type: "number" };
const uuid = { type: "string", format: "uuid" };
const obj = (properties: Json, required = Object.keys(properties)) => ({ type: "object", properties, required });

const idParam = (name = "id", description = "Resource id (uuid)") => ({ name, in: "path", required: true, description, schema: name === "connectorId" ? { type: "integer", minimum: 1 } : uuid });
const q = (name: string, schema: Json, description?: string) => ({ name, in: "query", required: false, schema, ...(description && { description }) });
const pageParams = [
  q("limit", { type: "integer", minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT }, "Page size"),
  q("cursor", str, "nextCursor from the previous page"),
];

const err = (description: string) => ({ description, content: { "application/json": { schema: ref("Error") } } });
const ok = (schema: Json, description = "OK") => ({ description, content: { "application/json": { schema } } });
const one = (name: string) => obj({ data: ref(name) });
const page = (name: string) => obj({ data: { type: "array", items: ref(name) }, nextCursor: nstr });
const body = (schema: z.ZodType) => ({ required: true, content: { "application/json": { schema: bodySchema(schema) } } });
const common = { "401": err("Missing, invalid or revoked API key"), "500": err("Unexpected server error") };
const withId = { "400": err("Invalid input (fieldErrors says which)"), "404": err("No such resource"), ...common };

function op(summary: string, tag: string, responses: Json, extra: Json = {}): Json {
  return { summary, tags: [tag], operationId: summary.replace(/[^A-Za-z]+(.)/g, (_m, c: string) => c.toUpperCase()).replace(/^./, (c) => c.toLowerCase()), responses, ...extra };
}

const STATION_FILTERS = [
  q("ocppIdentity", str), q("status", { enum: ["PENDING_APPROVAL", "ACTIVE", "INACTIVE", "MAINTENANCE", "SUSPENDED", "REMOVED"] }),
  q("availability", { enum: ["AVAILABLE", "BUSY", "OUT_OF_ORDER", "OFFLINE", "UNKNOWN"] }), q("registrationStatus", { enum: ["ACCEPTED", "PENDING", "REJECTED"] }),
  q("isOnline", { enum: ["true", "false"] }), q("siteId", uuid),
];

export function openApiDocument(): Json {
  return {
    openapi: "3.1.0",
    info: {
      title: "Chargeway Integrator API",
      version: "1.0.0",
      description:
        "Stations (our OCPP 1.6 chargers), connectors, tokens (idTags), charging sessions with meter values, and OCPP commands. " +
        "Authenticate with `Authorization: Bearer <key>`; keys are created by an admin. Lists are paged: pass `nextCursor` back as `cursor`. " +
        "Errors are `{ error, fieldErrors? }`.",
    },
    servers: [{ url: "/api/v1" }],
    security: [{ bearer: [] }],
    tags: ["Stations", "Connectors", "Tokens", "Sessions", "Commands", "Meta"].map((name) => ({ name })),
    paths: {
      "/openapi.json": { get: op("Get the OpenAPI document", "Meta", { "200": ok({ type: "object" }) }, { security: [] }) },
      "/stations": {
        get: op("List stations", "Stations", { "200": ok(page("Station")), "400": err("Invalid filters"), ...common }, { parameters: [...STATION_FILTERS, ...pageParams] }),
        post: op("Create a station", "Stations", { "201": ok(one("Station"), "Created"), "400": err("Invalid input"), "409": err("ocppIdentity already in use"), ...common }, { requestBody: body(ZCreateStation) }),
      },
      "/stations/{id}": {
        get: op("Get a station", "Stations", { "200": ok(one("Station")), ...withId }, { parameters: [idParam()] }),
        patch: op("Update a station", "Stations", { "200": ok(one("Station")), "409": err("Conflict"), ...withId }, { parameters: [idParam()], requestBody: body(ZUpdateStation) }),
      },
      "/stations/{id}/ocpp-password": {
        put: op("Set a charger's OCPP password", "Stations", { "200": ok(obj({ data: obj({ stationId: uuid, hasOcppPassword: { type: "boolean" } }) })), ...withId }, {
          description: "Security profile 1 (HTTP Basic). Stored hashed; the charger must use it from its next connection.",
          parameters: [idParam()],
          requestBody: body(ZSetOcppPassword),
        }),
      },
      "/stations/{id}/connectors": {
        get: op("List a station's connectors", "Connectors", { "200": ok(page("Connector")), ...withId }, {
          parameters: [idParam(), q("status", { enum: ["AVAILABLE", "PREPARING", "CHARGING", "SUSPENDED_EVSE", "SUSPENDED_EV", "FINISHING", "RESERVED", "UNAVAILABLE", "FAULTED", "UNKNOWN"] }), ...pageParams],
        }),
      },
      "/stations/{id}/connectors/{connectorId}": {
        get: op("Get a connector", "Connectors", { "200": ok(one("Connector")), ...withId }, { parameters: [idParam(), idParam("connectorId", "OCPP connector number (1-based)")] }),
      },
      "/stations/{id}/commands": {
        get: op("List a station's commands", "Commands", { "200": ok(page("Command")), ...withId }, {
          parameters: [idParam(), q("status", { enum: ["QUEUED", "SENT", "ANSWERED", "FAILED", "TIMED_OUT"] }), q("action", { enum: [...COMMAND_ACTIONS] }), ...pageParams],
        }),
        post: op("Send a command to a charger", "Commands", {
          "202": ok(one("Command"), "Queued (wait=false)"),
          "200": ok(one("Command"), "Final state (wait=true): ANSWERED, FAILED or TIMED_OUT"),
          "409": { description: "The charger is offline; the failed command is in data", content: { "application/json": { schema: obj({ error: str, data: ref("Command") }) } } },
          ...withId,
        }, { parameters: [idParam()], requestBody: body(ZCommandBody), description: "payload is the OCPP 1.6 request of the action, validated against the official schema." }),
      },
      "/commands/{id}": { get: op("Get a command", "Commands", { "200": ok(one("Command")), ...withId }, { parameters: [idParam()] }) },
      "/tokens": {
        get: op("List tokens", "Tokens", { "200": ok(page("Token")), "400": err("Invalid filters"), ...common }, {
          parameters: [q("idTag", str), q("status", { enum: ["ACCEPTED", "BLOCKED", "EXPIRED", "INVALID"] }), q("type", { enum: ["RFID", "APP", "OTHER"] }), q("parentIdTag", str), q("siteId", uuid), q("userId", uuid), ...pageParams],
        }),
        post: op("Create a token", "Tokens", { "201": ok(one("Token"), "Created"), "400": err("Invalid input"), "409": err("idTag already in use"), ...common }, { requestBody: body(ZCreateToken) }),
      },
      "/tokens/{id}": {
        get: op("Get a token", "Tokens", { "200": ok(one("Token")), ...withId }, { parameters: [idParam()] }),
        patch: op("Update a token", "Tokens", { "200": ok(one("Token")), ...withId }, { parameters: [idParam()], requestBody: body(ZUpdateToken) }),
      },
      "/sessions": {
        get: op("List sessions", "Sessions", { "200": ok(page("Session")), "400": err("Invalid filters"), ...common }, {
          description: "Newest first. from/to bound startedAt (from inclusive, to exclusive).",
          parameters: [q("stationId", uuid), q("idTag", str), q("status", { enum: ["PENDING", "ACTIVE", "COMPLETED", "FAILED", "CANCELLED"] }), q("from", date), q("to", date), ...pageParams],
        }),
      },
      "/sessions/{id}": {
        get: op("Get a session", "Sessions", {
          "200": ok({ ...obj({ data: ref("Session"), meterValues: page("MeterValue") }, ["data"]) }),
          ...withId,
        }, { description: "With include=meterValues, limit and cursor page the session's meter values (oldest first).", parameters: [idParam(), q("include", { enum: ["meterValues"] }), ...pageParams] }),
      },
    },
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "An API key (cw_live_...) created by an admin, or ADMIN_API_KEY" } },
      schemas: {
        Error: obj({ error: str, fieldErrors: { type: "object", additionalProperties: { type: "array", items: str } } }, ["error"]),
        Station: obj({
          id: uuid, name: str, ocppIdentity: str, status: str, availability: str, registrationStatus: str, publish: { type: "boolean" },
          isOnline: { type: "boolean" }, connectedAt: ndate, lastHeartbeatAt: ndate, lastBootAt: ndate, chargerStatus: nstr, chargerErrorCode: nstr,
          firmwareStatus: nstr, diagnosticsStatus: nstr, vendor: nstr, model: nstr, firmwareVersion: nstr, serialNumber: nstr, chargeBoxSerial: nstr,
          meterType: nstr, meterSerialNumber: nstr, address: nstr, city: nstr, postalCode: nstr, country: nstr, lat: num, lng: num, timeZone: str,
          siteId: nstr, ownerId: nstr, maxPowerKw: num, plugTypes: { type: "array", items: str }, localListVersion: int,
          hasOcppPassword: { type: "boolean" }, createdAt: date, updatedAt: date,
        }),
        Connector: obj({
          id: uuid, stationId: uuid, connectorId: int, type: str, powerType: str, maxPowerKw: num, maxVoltage: nint, maxAmperage: nint, status: str,
          errorCode: nstr, vendorErrorCode: nstr, statusInfo: nstr, statusUpdatedAt: ndate, tariffId: nstr, publish: { type: "boolean" },
          removed: { type: "boolean" }, createdAt: date, updatedAt: date,
        }),
        Token: obj({
          id: uuid, idTag: str, type: str, status: str, expiresAt: ndate, parentIdTag: nstr, siteId: nstr, renterId: nstr, userId: nstr,
          description: nstr, createdAt: date, updatedAt: date,
        }),
        Session: obj({
          id: uuid, transactionId: int, stationId: uuid, connectorNumber: int, connectorType: nstr, idTag: nstr, tokenId: nstr, userId: nstr,
          reservationId: nint, status: str, authStatus: nstr, startedAt: ndate, endedAt: ndate, meterStartWh: nint, meterStopWh: nint,
          energyWh: nint, lastMeterWh: nint, lastPowerW: nint, lastSocPercent: nint, lastMeterAt: ndate, stopReason: nstr, failureReason: nstr,
          flags: { type: "array", items: str }, costMinor: nint, currency: str, createdAt: date, updatedAt: date,
        }),
        // One OCPP MeterValue element: its sampled values exactly as the charger sent them.
        MeterValue: obj({
          id: str, connectorId: int, transactionId: nint, timestamp: date,
          sampledValue: {
            type: "array",
            items: obj({ value: str, measurand: str, phase: str, unit: str, context: str, location: str, format: str }, ["value"]),
          },
          context: nstr, energyWh: nint, powerW: { type: ["number", "null"] }, receivedAt: date,
        }),
        Command: obj({
          id: uuid, stationId: uuid, action: { enum: [...COMMAND_ACTIONS] }, payload: { type: "object" },
          status: { enum: ["QUEUED", "SENT", "ANSWERED", "FAILED", "TIMED_OUT"] }, response: {}, error: nstr,
          createdAt: date, sentAt: ndate, answeredAt: ndate, expiresAt: date,
        }),
      },
    },
  };
}
