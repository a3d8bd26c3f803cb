// The part of autocannon 8 the load benchmark uses (the package ships no types).
declare module 'autocannon' {
  namespace autocannon {
    type Context = Record<string, unknown>;
    type RequestData = {
      method?: string;
      path?: string;
      headers?: Record<string, string>;
      body?: string;
      /** The hash of the URL the connection was given. */
      hash?: string | null;
    };
    type Request = RequestData & {
      setupRequest?: (request: RequestData, context: Context) => RequestData | null;
      onResponse?: (status: number, body: string, context: Context) => void;
    };
    type Histogram = { average: number; p50: number; p99: number; total: number };
    type Result = {
      requests: Histogram;
      latency: Histogram;
      errors: number;
      timeouts: number;
      non2xx: number;
    };
    type Options = {
      url: string | string[];
      connections?: number;
      duration?: number;
      timeout?: number;
      requests?: Request[];
    };
  }
  function autocannon(options: autocannon.Options): Promise<autocannon.Result>;
  export default autocannon;
}
