export { publish } from "./publish.ts";
export { subscribe, type TSubscribeOptions } from "./subscribe.ts";
export { listen, type TListenOptions } from "./listen.ts";
export { EVENTS_CHANNEL, type TRealtimeEvent } from "./events.ts";
