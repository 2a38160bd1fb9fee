/* bench-visual.c: how long a program takes until areas of the screen show their text, read off the X
 * server's own framebuffer, so two programs are timed by the same rule whatever they say about themselves.
 *
 *   bench-visual X,Y,WIDTH,HEIGHT [X,Y,WIDTH,HEIGHT…] -- COMMAND [ARG…]
 *
 * Starts COMMAND, then reads the areas (root-window coordinates) every few milliseconds for three
 * seconds and counts, in each, the pixels that are dark but not the black of an empty root window: text.
 * Prints "start US" (the real time COMMAND was started, in microseconds, to compare with what the program
 * itself reports) and "visual MS": the first reading at which every area had reached 90 % of its final
 * count. An area that never shows text makes it "visual -1". Needs a display with nothing else on it
 * (Xvfb, no window manager).
 */
#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MAX_AREAS 8
#define MAX_SAMPLES 4096
#define DURATION_MS 3000.0

typedef struct
{
  int x, y, width, height;
  long counts[MAX_SAMPLES];
} Area;

static double
now_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static long
count_text_pixels (Display *display, Window root, const Area *area)
{
  XImage *image = XGetImage (display, root, area->x, area->y, area->width, area->height, AllPlanes, ZPixmap);
  long n = 0;

  if (image == NULL)
    return -1;
  for (int j = 0; j < area->height; j++)
    for (int i = 0; i < area->width; i++)
      {
        unsigned long pixel = XGetPixel (image, i, j);
        unsigned r = (pixel >> 16) & 0xff, g = (pixel >> 8) & 0xff, b = pixel & 0xff;

        /* Text is dark grey; an empty root window is pure black. */
        if (r + g + b > 0 && r < 110 && g < 110 && b < 110)
          n++;
      }
  XDestroyImage (image);
  return n;
}

int
main (int argc, char *argv[])
{
  static Area areas[MAX_AREAS];
  static double times[MAX_SAMPLES];
  Display *display;
  int n_areas = 0, n = 0, command;
  double start;
  struct timespec real;
  pid_t pid;

  for (command = 1; command < argc && strcmp (argv[command], "--") != 0; command++)
    {
      Area *area = &areas[n_areas];

      if (n_areas == MAX_AREAS
          || sscanf (argv[command], "%d,%d,%d,%d", &area->x, &area->y, &area->width, &area->height) != 4
          || area->x < 0 || area->y < 0 || area->width <= 0 || area->height <= 0)
        break;
      n_areas++;
    }
  if (n_areas == 0 || command >= argc - 1 || strcmp (argv[command], "--") != 0)
    {
      fprintf (stderr, "usage: %s X,Y,WIDTH,HEIGHT [X,Y,WIDTH,HEIGHT…] -- COMMAND [ARG…]\n", argv[0]);
      return 2;
    }
  command++;
  if ((display = XOpenDisplay (NULL)) == NULL)
    {
      fprintf (stderr, "%s: cannot open the display\n", argv[0]);
      return 1;
    }

  clock_gettime (CLOCK_REALTIME, &real);
  start = now_ms ();
  pid = fork ();
  if (pid < 0)
    {
      perror ("fork");
      return 1;
    }
  if (pid == 0)
    {
      execvp (argv[command], argv + command);
      perror (argv[command]);
      _exit (127);
    }

  while (n < MAX_SAMPLES && now_ms () - start < DURATION_MS)
    {
      for (int a = 0; a < n_areas; a++)
        areas[a].counts[n] = count_text_pixels (display, DefaultRootWindow (display), &areas[a]);
      /* The picture was taken before this moment: a reading never comes early. */
      times[n++] = now_ms () - start;
      usleep (3000);
    }
  kill (pid, SIGTERM);
  waitpid (pid, NULL, 0);
  XCloseDisplay (display);

  printf ("start %lld\n", (long long) real.tv_sec * 1000000 + real.tv_nsec / 1000);
  for (int i = 0; i < n; i++)
    {
      int done = 1;

      for (int a = 0; a < n_areas; a++)
        {
          long final = areas[a].counts[n - 1];
          if (final <= 0 || areas[a].counts[i] * 10 < final * 9)
            done = 0;
        }
      if (done)
        {
          printf ("visual %.1f\n", times[i]);
          return 0;
        }
    }
  printf ("visual -1\n");
  return 0;
}
