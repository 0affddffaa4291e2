// Small helpers of the Node tests that serve or mock things on 127.0.0.1.
import { connect, createServer } from "node:net";

// Resolves to a TCP port on 127.0.0.1 that nothing listens on.
export const freePort = () =>
  new Promise((ok, fail) => {
    const server = createServer();
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => ok(port));
    });
  });

export const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

// Resolves to whether something accepts connections on 127.0.0.1:`port`.
export const canConnect = (port) =>
  new Promise((ok) => {
    const socket = connect({ host: "127.0.0.1", port });
    socket.once("connect", () => (socket.destroy(), ok(true)));
    socket.once("error", () => ok(false));
  });
