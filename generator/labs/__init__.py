"""Lab verification: run each lab's commands in a throwaway workspace and compare what they print."""
