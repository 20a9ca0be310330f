// A Server-Sent Events stream that reconnects by itself, with back-off. EventSource's own retry is fixed
// and gives no say over it, so the stream is closed on the first error and opened again after 1 s, 2 s,
// 4 s ... up to 30 s, back to 1 s once a message has arrived. onState tells whether it is live, and since
// when it has been stale.

export class LiveStream {
  constructor(url, { onMessage, onState, minDelayMs = 1000, maxDelayMs = 30000 }) {
    this.url = url;
    this.onMessage = onMessage;
    this.onState = onState ?? (() => {});
    this.minDelayMs = minDelayMs;
    this.maxDelayMs = maxDelayMs;
    this.delayMs = minDelayMs;
    this.staleSince = null;
    this.source = null;
    this.timer = null;
    this.closed = false;
  }

  start() {
    this.closed = false;
    this.connect();
    return this;
  }

  close() {
    this.closed = true;
    clearTimeout(this.timer);
    if (this.source) this.source.close();
    this.source = null;
  }

  connect() {
    if (this.closed) return;
    const source = new EventSource(this.url);
    this.source = source;
    source.onmessage = event => {
      if (this.source !== source) return;
      this.delayMs = this.minDelayMs;
      const wasStale = this.staleSince;
      this.staleSince = null;
      this.onState({ state: 'live', reconnected: wasStale != null });
      this.onMessage(JSON.parse(event.data));
    };
    source.onerror = () => {
      if (this.source !== source) return;
      source.close();
      this.source = null;
      if (this.closed) return;
      this.staleSince ??= new Date();
      const retryInMs = this.delayMs;
      this.delayMs = Math.min(this.maxDelayMs, this.delayMs * 2);
      this.onState({ state: 'stale', since: this.staleSince, retryInMs });
      this.timer = setTimeout(() => this.connect(), retryInMs);
    };
  }
}
