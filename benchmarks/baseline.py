"""A bare pygame-ce window (open, fill, flip), measured the same way as the game.

`python -m benchmarks.baseline startup` prints FIRST_FRAME <time> <CPU seconds of the process> after its first flip;
`python -m benchmarks.baseline idle` waits for events (for the idle CPU baseline).
"""
import os
import sys
import time

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
import pygame  # noqa: E402


def main() -> None:
    mode = sys.argv[1] if len(sys.argv) > 1 else "startup"
    pygame.display.init()
    screen = pygame.display.set_mode((1280, 720))
    screen.fill((240, 230, 250))
    pygame.display.flip()
    if mode == "startup":
        print(f"FIRST_FRAME {time.time():.6f} {time.process_time():.6f}", flush=True)
        return
    while True:  # idle: poll and nap, as the game does
        if pygame.event.get(pygame.QUIT):
            return
        time.sleep(0.04)


if __name__ == "__main__":
    main()
