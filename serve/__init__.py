"""Starting the apps for real: the staff review app and the password proxy in front of it."""
