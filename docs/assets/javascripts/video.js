// Click-to-load video: the page shows a local poster and a Play button; nothing is
// requested from YouTube until the reader presses Play. Then the youtube-nocookie.com
// player takes the poster's place. The markup comes from overrides/walk_away/links.py.
const PLAYER = "https://www.youtube-nocookie.com/embed/";
const ID = /^[A-Za-z0-9_-]{11}$/;

function play(box) {
  const id = box.dataset.videoId;
  if (!ID.test(id)) return;
  const frame = document.createElement("iframe");
  frame.className = "video-embed__frame";
  frame.src = `${PLAYER}${id}?autoplay=1`;
  frame.title = box.dataset.videoTitle ?? ""; // the template always gives the video's title
  frame.allow = ["accelerometer", "autoplay", "clipboard-write", "encrypted-media", "gyroscope",
    "picture-in-picture", "web-share"].join("; "); // Permissions Policy features
  frame.allowFullscreen = true;
  frame.referrerPolicy = "strict-origin-when-cross-origin";
  box.querySelector(".video-embed__poster").replaceWith(frame);
  box.dataset.state = "playing";
  frame.focus();
}

// Safe to run twice: each player is set up once (instant navigation brings new ones).
function setup() {
  for (const box of document.querySelectorAll("[data-video-embed]:not([data-state])")) {
    const button = box.querySelector("[data-video-play]");
    if (!button) continue;
    box.dataset.state = "ready";
    button.hidden = false;
    button.addEventListener("click", () => play(box), { once: true });
  }
}

if (window.document$) window.document$.subscribe(setup);
else setup();
